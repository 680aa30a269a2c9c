/**
 * Maps each JSON pointer of a valid JSON text to the offset where its value starts, so that
 * findings about a sample can name a line. The text must already parse.
 */
export function locateJsonValues(text: string): Map<string, number> {
  const places = new Map<string, number>();
  let at = 0;
  const space = () => {
    while (/\s/.test(text[at] ?? "")) at += 1;
  };
  const readString = (): string => {
    const match = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(at)) as RegExpExecArray;
    at += match[0].length;
    return JSON.parse(match[0]) as string;
  };
  const value = (pointer: string): void => {
    space();
    places.set(pointer, at);
    const char = text[at];
    if (char === "{") {
      at += 1;
      space();
      while (text[at] !== "}") {
        const key = readString();
        space();
        at += 1; // the colon
        value(`${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
        space();
        if (text[at] === ",") at += 1;
        space();
      }
      at += 1;
    } else if (char === "[") {
      at += 1;
      space();
      for (let index = 0; text[at] !== "]"; index += 1) {
        value(`${pointer}/${index}`);
        space();
        if (text[at] === ",") at += 1;
        space();
      }
      at += 1;
    } else if (char === '"') {
      readString();
    } else {
      at += (/^[^,\]}\s]+/.exec(text.slice(at)) as RegExpExecArray)[0].length;
    }
  };
  value("");
  return places;
}
