// Runs every benchmark: each module listed here runs its benchmark when imported. Add one line per bench module.
import './render';
