// ANSI styling that collapses to plain text when colour is off.

export interface Colors {
  bold: (text: string) => string;
  dim: (text: string) => string;
  underline: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
  blue: (text: string) => string;
}

const style = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const ansi: Colors = {
  bold: style(1, 22),
  dim: style(2, 22),
  underline: style(4, 24),
  red: style(31, 39),
  yellow: style(33, 39),
  blue: style(34, 39),
};

const identity = (text: string) => text;
const plain: Colors = {
  bold: identity,
  dim: identity,
  underline: identity,
  red: identity,
  yellow: identity,
  blue: identity,
};

export function colors(enabled: boolean): Colors {
  return enabled ? ansi : plain;
}

/** `--color`/`--no-color` win; otherwise colour only on a terminal without NO_COLOR (https://no-color.org). */
export function shouldUseColor(flag: boolean | undefined, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  return isTTY && !env.NO_COLOR;
}
