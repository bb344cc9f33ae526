// Progress for long work: a redrawn line with rate and ETA on a TTY, plain lines otherwise.

export interface Progress {
  (done: number, total: number): void;
  finish(): void;
}

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let lastPrinted = 0;
  let lastLine = '';
  const render = (done: number, total: number) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    const width = 24;
    const filled = Math.round((pct / 100) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    return `${label} ${bar} ${pct}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${Math.round(rate).toLocaleString('en-US')}/s ETA ${eta.toFixed(0)}s`;
  };
  const progress = ((done: number, total: number) => {
    const now = Date.now();
    if (stream.isTTY) {
      if (now - lastPrinted < 100 && done < total) return;
      lastLine = render(done, total);
      stream.write(`\r${lastLine}`);
    } else {
      if (now - lastPrinted < 2000 && done < total) return;
      stream.write(`${render(done, total)}\n`);
    }
    lastPrinted = now;
  }) as Progress;
  progress.finish = () => {
    if (stream.isTTY && lastLine) stream.write('\n');
  };
  return progress;
}
