// Builds build/cli.js before any test runs, so tests that spawn bin/wuhua never run a stale build.
module.exports = async () => {
  await require('../scripts/build-cli.cjs').buildCli();
};
