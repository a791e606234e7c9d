// Runs every benchmark: each module listed here runs its benchmark when imported. Add one line per bench module.
import './render';
import './grammar';
import './preview'; // starts code-server: the preview's latency in the real editor
