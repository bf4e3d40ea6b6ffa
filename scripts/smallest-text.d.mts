export interface SmallestText {
  px: number;
  where: string;
  text: string;
}
export function smallestTextInPage(scope?: string | null): SmallestText;
export const VIEWS: readonly (readonly [string, string, readonly string[], string?])[];
