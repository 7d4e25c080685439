import { SaxesParser } from 'saxes';

/** A parsed SVG element: what tests read instead of comparing strings. */
export interface SvgNode {
  name: string;
  attrs: Record<string, string>;
  children: SvgNode[];
  text: string;
}

/** Parses the SVG (throws on malformed XML) and returns its root element. */
export function readSvg(svg: string): SvgNode {
  const parser = new SaxesParser({ xmlns: false });
  const root: SvgNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: SvgNode[] = [root];
  parser.on('opentag', (tag) => {
    const node: SvgNode = {
      name: tag.name,
      attrs: Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)])),
      children: [],
      text: '',
    };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => {
    const node = stack.at(-1);
    if (node) node.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(svg).close();
  const [svgRoot] = root.children;
  if (!svgRoot) throw new Error('no root element');
  return svgRoot;
}

export function descendants(node: SvgNode): SvgNode[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}

export function byClass(node: SvgNode, className: string): SvgNode[] {
  return descendants(node).filter((n) => (n.attrs.class ?? '').split(' ').includes(className));
}

export function allText(node: SvgNode): string {
  return [node.text, ...node.children.map(allText)].join('');
}

export const numberAttr = (node: SvgNode, name: string): number => Number(node.attrs[name]);

/**
 * The polygons of a path's subpaths, from the end points of its commands (M, L, H, V, Q, Z; absolute).
 * Curves are replaced by their end points: fine for asking whether a point well inside lies inside.
 */
export function pathPolygons(d: string): { x: number; y: number }[][] {
  const polygons: { x: number; y: number }[][] = [];
  let current: { x: number; y: number }[] = [];
  let at = { x: 0, y: 0 };
  const tokens = d.match(/[MLHVQZ]|-?\d+(?:\.\d+)?/g) ?? [];
  let i = 0;
  const next = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const command = tokens[i++];
    if (command === 'M') {
      if (current.length) polygons.push(current);
      at = { x: next(), y: next() };
      current = [at];
    } else if (command === 'L') {
      at = { x: next(), y: next() };
      current.push(at);
    } else if (command === 'H') {
      at = { x: next(), y: at.y };
      current.push(at);
    } else if (command === 'V') {
      at = { x: at.x, y: next() };
      current.push(at);
    } else if (command === 'Q') {
      next();
      next();
      at = { x: next(), y: next() };
      current.push(at);
    } else if (command === 'Z') {
      polygons.push(current);
      current = [];
    } else throw new Error(`unexpected path token ${command}`);
  }
  if (current.length) polygons.push(current);
  return polygons;
}

/** Even-odd rule over every subpath, as `fill-rule="evenodd"` draws it. */
export function insidePath(d: string, p: { x: number; y: number }): boolean {
  let inside = false;
  for (const polygon of pathPolygons(d)) {
    for (let a = 0, b = polygon.length - 1; a < polygon.length; b = a++) {
      const pa = polygon[a] as { x: number; y: number };
      const pb = polygon[b] as { x: number; y: number };
      if (pa.y > p.y !== pb.y > p.y && p.x < ((pb.x - pa.x) * (p.y - pa.y)) / (pb.y - pa.y) + pa.x)
        inside = !inside;
    }
  }
  return inside;
}
