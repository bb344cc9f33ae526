// Opens an uncertainty evaluation saved with 下载 JSON (the uncertainty page's `gum` calculation)
// and hands its budget to the editor; any other file is refused with a message.
import { App, Button, Upload } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { savedInput } from '../../lib/exportResult.ts';
import { formFromRequest, isGumRequest, type GumForm } from '../../metrology/gumForm.ts';

export function OpenSavedBudget({ onOpen, testId = 'open-saved' }: { onOpen: (form: GumForm) => void; testId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const open = async (file: File) => {
    const input = savedInput(await file.text(), 'gum');
    if (isGumRequest(input)) onOpen(formFromRequest(input));
    else void message.error(t('metrology.savedInvalid', { name: file.name }));
  };
  return (
    <Upload
      accept=".json,application/json"
      showUploadList={false}
      beforeUpload={(file) => {
        void open(file);
        return false;
      }}
      data-testid={testId}
    >
      <Button icon={<FolderOpenOutlined />}>{t('metrology.openSaved')}</Button>
    </Upload>
  );
}
