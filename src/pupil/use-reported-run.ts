/** A button that shows it is working, then says what came of it ("Mettre à jour", "Envoyer maintenant"). */
import { useState } from 'preact/hooks';

/** `start` runs `run`; `working` while it runs, then `report` holds the sentence it ended with. */
export function useReportedRun(run: () => Promise<string>) {
  const [working, setWorking] = useState(false);
  const [report, setReport] = useState<string | null>(null);
  const start = async () => {
    setWorking(true);
    setReport(null);
    try {
      setReport(await run());
    } finally {
      setWorking(false);
    }
  };
  return { working, report, start };
}
