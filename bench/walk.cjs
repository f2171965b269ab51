// The files under the given paths, in a stable order: what every measured reader is given.
const fs = require('fs');
const path = require('path');

function walk(paths) {
  const out = [];
  const visit = (p) => {
    const st = fs.statSync(p);
    if (!st.isDirectory()) return void out.push(p);
    for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
  };
  for (const p of paths) visit(p);
  return out;
}

module.exports = { walk };
