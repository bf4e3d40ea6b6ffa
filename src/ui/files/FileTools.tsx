import { ExportMenu } from './ExportMenu';
import { OpenScenario } from './OpenScenario';
import './files.css';

/**
 * The grid's file buttons: "Open…" (a scenario file, where the page can run one) and "Export".
 * They sit with the Page frames panel's tools: the header is full at 1280 px.
 */
export function FileTools({
  onOpenScenario,
}: {
  onOpenScenario?: (doc: unknown, fileName: string) => void;
}) {
  return (
    <div className="file-tools">
      {onOpenScenario && <OpenScenario onOpen={onOpenScenario} />}
      <ExportMenu />
    </div>
  );
}
