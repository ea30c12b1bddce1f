import { readFileSync } from 'node:fs';
import ts from 'typescript';

const APP_FILE = new URL('../web/src/app.tsx', import.meta.url);

function propertyOf(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === name) return property.initializer;
  }
  return undefined;
}

function join(parent: string, path: string): string {
  if (path === '') return parent;
  return parent === '/' ? `/${path}` : `${parent}/${path}`;
}

function collect(routes: ts.ArrayLiteralExpression, parent: string, into: Set<string>) {
  for (const element of routes.elements) {
    if (!ts.isObjectLiteralExpression(element))
      throw new Error(`web/src/app.tsx: a route that is not an object literal: ${element.getText()}`);
    const path = propertyOf(element, 'path');
    if (path && !ts.isStringLiteral(path)) throw new Error(`web/src/app.tsx: a route path that is not a string literal: ${path.getText()}`);
    const here = path ? join(parent, path.text) : parent;
    const children = propertyOf(element, 'children');
    const isPage =
      propertyOf(element, 'element') !== undefined ||
      propertyOf(element, 'lazy') !== undefined ||
      propertyOf(element, 'Component') !== undefined;
    // A layout route (element and children) is not a page of its own; an index route is its parent's page.
    if (children && ts.isArrayLiteralExpression(children)) collect(children, here, into);
    else if (isPage) into.add(here);
  }
}

/**
 * The page paths of the web router, read from the source of web/src/app.tsx (not imported: that would load React and
 * Mantine into the test process): `/`, `/thu-tuc/:code`, `/*`... A route added there without a visit fails the
 * accessibility test.
 */
export function readWebRoutePaths(): string[] {
  const source = ts.createSourceFile('app.tsx', readFileSync(APP_FILE, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const paths = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'createBrowserRouter') {
      const [routes] = node.arguments;
      if (!routes || !ts.isArrayLiteralExpression(routes)) throw new Error('web/src/app.tsx: createBrowserRouter takes an array literal');
      collect(routes, '/', paths);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (paths.size === 0) throw new Error('web/src/app.tsx: no createBrowserRouter([...]) found');
  return [...paths].sort();
}
