// A Node module hook that draws the client boundary the way a React Server Components bundler does
// (Next's webpack and Turbopack layers, react-server-dom-webpack's node loader): a module whose first
// statement is 'use client' is not run on the server; each of its exports becomes a client reference,
// a function that throws when the server calls it. Everything else runs for real, under whatever
// conditions Node was started with (`--conditions=react-server` gives React's hook-less server build).
// https://react.dev/reference/rsc/use-client
import { build } from 'esbuild';

const directive = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use client\1/;

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (result.format !== 'module' || !url.startsWith('file:')) return result;
  const source = typeof result.source === 'string' ? result.source : new TextDecoder().decode(result.source);
  if (!directive.test(source)) return result;
  const { metafile } = await build({ stdin: { contents: source, loader: 'js' }, write: false, metafile: true, bundle: false, format: 'esm', logLevel: 'silent' });
  const names = Object.values(metafile.outputs)[0].exports;
  const lines = names.map((name) => `export ${name === 'default' ? 'default' : `const ${name} =`} reference(${JSON.stringify(name)});`);
  return {
    format: 'module',
    shortCircuit: true,
    source: `const reference = (name) => Object.defineProperties(
  function () { throw new Error('Attempted to call ' + name + '() from the server but ' + name + ' is on the client.'); },
  { $$typeof: { value: Symbol.for('react.client.reference') }, $$id: { value: ${JSON.stringify(url)} + '#' + name } },
);
${lines.join('\n')}
`,
  };
}
