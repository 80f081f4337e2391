/** A small element builder: the page is built from data with DOM calls, never from HTML strings. */
type Child = Node | string | null | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === false) continue;
    element.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** A field path (`workExperience.0.jobTitle`) as an element id. */
export const idOf = (path: string): string => `f-${path.replace(/\./g, '-')}`;
export const errorIdOf = (path: string): string => `e-${path.replace(/\./g, '-')}`;
