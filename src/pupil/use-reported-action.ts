/** A button whose action reports how it went in a status line (sync now, send now). */
import { useState } from 'preact/hooks';

/** `busy` while `run`'s action lasts; `report` is the text it returned (cleared when it starts again). */
export function useReportedAction() {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<string | null>(null);
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setReport(null);
    try {
      setReport(await action());
    } finally {
      setBusy(false);
    }
  };
  return { busy, report, run };
}
