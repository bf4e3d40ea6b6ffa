/**
 * Names of downloaded files: scenario, model and step, so a folder of exports sorts and reads by
 * itself: `teaching_linux-2.6.20_step-40.png`, `…_step-40.report.json`. A name of one's own is
 * reduced to letters, digits and hyphens (markup and path characters never reach a file name).
 */

export interface ExportPlace {
  /** The preset's name, or the name of a scenario of one's own. */
  scenario: string;
  model: string;
  step: number;
}

/** `name` as a file-name part: ASCII letters and digits joined by hyphens, at most 48 characters. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    // A dot only between two letters or digits ("2.6.20"): no "..", no hidden files.
    .replace(/-?\.{2,}-?|-\.|\.-/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 48)
    .replace(/[-.]+$/, '');
  return s || 'scenario';
}

/** The file name of an export of `place`, ending in `suffix` (".png", ".report.json" …). */
export function exportFileName(place: ExportPlace, suffix: string): string {
  return `${slug(place.scenario)}_${slug(place.model)}_step-${place.step}${suffix}`;
}
