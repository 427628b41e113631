// One textual edit of a file the build assembles, checked to apply exactly once, so a
// changed input (our page, or Emscripten's output) fails the build loudly instead of
// producing a file that silently loads the wrong thing or breaks at run time. Used by
// scripts/assemble-dist.mjs and scripts/inline-wasm.mjs; `fail` reports and exits.
export function replaceOnce(text, search, replacement, what, file, fail) {
  const count = text.split(search).length - 1;
  if (count !== 1) fail(`expected one ${what} in ${file}, found ${count}`);
  return text.replace(search, () => replacement);
}
