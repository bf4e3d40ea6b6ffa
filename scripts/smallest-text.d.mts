export interface SmallestText {
  px: number;
  where: string;
  text: string;
}
export function smallestTextInPage(): SmallestText;
export const VIEWS: readonly (readonly [string, string, readonly string[]])[];
