import { ExportMenu } from './ExportMenu';
import { OpenScenario } from './OpenScenario';
import './files.css';

/** The header's file buttons: "Open scenario file" (where the page can run one) and "Export". */
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
