// The CLI as the installed package runs it (bin/tunnel-conformance.js without a source tree): the
// compiled JavaScript of dist/, no TypeScript loader. The bench builds dist/ first and measures this.
const { main } = await import('../dist/src/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
