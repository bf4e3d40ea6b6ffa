/**
 * The export menu's files, each built from the run shown: the grid as PNG (2×) and SVG, the
 * report and the step trace as the CLI prints them (made in the engine), the scenario file.
 */
import { FIGURE_SVG_MAX_FRAMES, figurePixels, figureSvg, paintFigure } from '../../render';
import type { FigureInput } from '../../render';
import type { EngineStoreState } from '../../store/engineStore';
import { exportFileName } from './fileName';
import type { ExportPlace } from './fileName';
import { scenarioDocument, scenarioText } from './scenarioFile';

export interface ExportFile {
  blob: Blob;
  name: string;
}

/** PNG pixels per CSS pixel of the figure: sharp on a projector and on a 2× screen. */
export const PNG_SCALE = 2;

export { FIGURE_SVG_MAX_FRAMES };

/** Where the page is: the file names' scenario, model and step. */
export function placeOf(s: EngineStoreState): ExportPlace | null {
  if (!s.info || !s.shown) return null;
  const src = s.shown.source;
  const scenario = s.shown.tag ?? (src.kind === 'preset' ? src.name : s.info.name);
  return { scenario, model: s.info.model, step: s.step };
}

/** The picture's content: the frames and the step shown, titled with where it is. */
export function figureOf(s: EngineStoreState): FigureInput | null {
  const info = s.info;
  if (!info || !s.frames) return null;
  return {
    title: `${info.name} · ${info.model} · step ${s.step.toLocaleString('en-US')} of ${info.totalSteps.toLocaleString('en-US')}`,
    caption: s.panels?.narration ?? '',
    zones: info.zones,
    frames: info.frames,
    role: s.frames.role,
    touched: s.panels?.touched ?? [],
    arrows: s.panels?.arrows ?? [],
  };
}

export function svgFile(s: EngineStoreState): ExportFile | null {
  const place = placeOf(s);
  const figure = figureOf(s);
  if (!place || !figure || figure.frames > FIGURE_SVG_MAX_FRAMES) return null;
  return {
    blob: new Blob([figureSvg(figure)], { type: 'image/svg+xml' }),
    name: exportFileName(place, '.svg'),
  };
}

export async function pngFile(s: EngineStoreState): Promise<ExportFile> {
  const place = placeOf(s);
  const figure = figureOf(s);
  if (!place || !figure) throw new Error('No run is shown yet.');
  const { width, height } = figurePixels(figure, PNG_SCALE);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the picture (no 2D canvas).');
  paintFigure(ctx, figure, PNG_SCALE);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob)
    throw new Error(`The picture (${width}×${height} pixels) is too big for this browser.`);
  return { blob, name: exportFileName(place, '.png') };
}

export function scenarioFile(s: EngineStoreState): ExportFile | null {
  const place = placeOf(s);
  if (!place || !s.shown || !s.info) return null;
  const doc = scenarioDocument(s.shown.source, s.info.model);
  if (doc === null) return null;
  return {
    blob: new Blob([scenarioText(doc)], { type: 'application/json' }),
    name: exportFileName(place, '.scenario.json'),
  };
}

export async function reportFile(s: EngineStoreState): Promise<ExportFile> {
  const place = placeOf(s);
  if (!place) throw new Error('No run is shown yet.');
  const chunk = await s.exportText('report');
  return {
    blob: new Blob([chunk.text], { type: 'application/json' }),
    name: exportFileName(place, '.report.json'),
  };
}

/**
 * The step trace, chunk by chunk from the engine: each chunk becomes a Blob at once (the browser
 * keeps Blob data out of the page's heap), so even a million-step trace never sits in one string.
 * `onProgress` gets the fraction done; `cancelled` is asked between chunks.
 */
export async function traceFile(
  s: EngineStoreState,
  onProgress: (fraction: number) => void,
  cancelled: () => boolean,
): Promise<ExportFile | null> {
  const place = placeOf(s);
  if (!place || !s.info) throw new Error('No run is shown yet.');
  const loadId = s.info.loadId;
  const parts: Blob[] = [];
  let from: number | null = 0;
  while (from !== null) {
    if (cancelled()) return null;
    const chunk = await s.exportText('steps', from);
    if (chunk.loadId !== loadId)
      throw new Error('Another run was loaded while the trace was written; export it again.');
    parts.push(new Blob([chunk.text]));
    from = chunk.next;
    onProgress(chunk.total === 0 || from === null ? 1 : from / chunk.total);
  }
  return {
    blob: new Blob(parts, { type: 'application/x-ndjson' }),
    name: exportFileName(place, '.steps.jsonl'),
  };
}
