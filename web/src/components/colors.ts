// The one palette for status colours in charts (tags use antd's presets of the same hues).
export const STATUS_COLORS = {
  valid: '#52c41a',
  dueSoon: '#faad14',
  overdue: '#f5222d',
  suspended: '#fa8c16',
  notApplicable: '#bfbfbf',
} as const;
