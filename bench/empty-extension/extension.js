// Does nothing: what VS Code's activation of any extension costs, measured beside Hatena Writer's.
exports.activate = function activate() {};
exports.deactivate = function deactivate() {};
