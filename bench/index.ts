// Runs every benchmark: each module listed here runs its benchmark when imported. Add one line per bench module.
import './render';
import './grammar';
import { runActivationBench } from './activation';
import { runPreviewBench } from './preview';

// Each starts its own code-server: one after the other, so they do not measure each other.
void (async () => {
  try {
    await runPreviewBench(); // keystroke → preview latency in the real editor
    await runActivationBench(); // activation next to an empty extension's
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
})();
