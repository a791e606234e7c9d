// `npm run test:electron`: the same integration suite on desktop VS Code through @vscode/test-electron.
// It downloads VS Code from Microsoft's update servers, so it needs a network (it fails at once offline;
// `npm test` uses code-server instead).
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyWorkspace, REPO_ROOT } from './codeServer';

runTests({
  extensionDevelopmentPath: REPO_ROOT,
  extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js'),
  launchArgs: [copyWorkspace(), '--disable-extensions', '--disable-workspace-trust'],
}).catch((e) => {
  console.error(e);
  process.exit(1);
});
