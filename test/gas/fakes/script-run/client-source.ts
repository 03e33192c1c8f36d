/**
 * The client half of the `google.script.run` fake as plain browser JavaScript. The same source runs in a
 * Playwright page (injected by `buildGoogleScriptRunClientScript`) and in Node (`createGoogleScriptRun`), so
 * both enforce identical rules:
 * - calls are asynchronous and return undefined; at most 10 run at once, later ones queue;
 * - arguments and results are deep-copied JSON-like: Date, functions, symbols, DOM nodes, Maps/class instances
 *   and circular references fail the call ("Failed due to illegal value in property: …"), `undefined` array
 *   entries become null, `undefined` object members are dropped;
 * - only public server functions exist on the runner: names ending in `_` are private (§1.4);
 * - `withSuccessHandler(fn)`, `withFailureHandler(fn)` (an Error whose message is the server's) and
 *   `withUserObject(obj)` (passed as the handlers' second argument) each return a configured copy;
 * - an exception thrown by a handler frees its slot and is rethrown asynchronously (a page error).
 */
export const SCRIPT_RUN_RUNTIME_SOURCE = String.raw`
function __gasScriptRunRuntime() {
  'use strict';

  function illegal(path) {
    return new Error('Failed due to illegal value in property: ' + path);
  }

  function isPlainObject(value) {
    if (Object.prototype.toString.call(value) !== '[object Object]') return false;
    var proto = Object.getPrototypeOf(value);
    return proto === null || Object.getPrototypeOf(proto) === null;
  }

  function clone(value, path, seen) {
    if (value === null || value === undefined) return value;
    var t = typeof value;
    if (t === 'string' || t === 'boolean') return value;
    if (t === 'number') return isFinite(value) ? value : null;
    if (t !== 'object') throw illegal(path);
    if (Object.prototype.toString.call(value) === '[object Date]') throw illegal(path);
    if (typeof value.nodeType === 'number' && typeof value.nodeName === 'string') throw illegal(path);
    if (seen.indexOf(value) >= 0) throw illegal(path);
    seen.push(value);
    try {
      if (Array.isArray(value)) {
        var arr = [];
        for (var i = 0; i < value.length; i++) {
          var item = clone(value[i], String(i), seen);
          arr.push(item === undefined ? null : item);
        }
        return arr;
      }
      if (!isPlainObject(value)) throw illegal(path);
      var out = {};
      var keys = Object.keys(value);
      for (var k = 0; k < keys.length; k++) {
        var v = clone(value[keys[k]], keys[k], seen);
        if (v !== undefined) out[keys[k]] = v;
      }
      return out;
    } finally {
      seen.pop();
    }
  }

  function cloneArgs(args) {
    var out = [];
    for (var i = 0; i < args.length; i++) {
      var v = clone(args[i], String(i), []);
      out.push(v === undefined ? null : v);
    }
    return out;
  }

  function toError(err) {
    var e = new Error(err && err.message !== undefined ? String(err.message) : String(err));
    if (err && err.name) e.name = String(err.name);
    return e;
  }

  function install(root, transport, functionNames, options) {
    var maxConcurrent = (options && options.maxConcurrent) || 10;
    var running = 0;
    var queue = [];
    var unhandled = root.__gasScriptRunUnhandled || (root.__gasScriptRunUnhandled = []);
    var hostCalls = root.__gasHostCalls || (root.__gasHostCalls = []);

    function later(fn) {
      setTimeout(fn, 0);
    }

    function fail(config, error) {
      if (config.failure) config.failure(error, config.userObject);
      else {
        unhandled.push(error.message);
        if (root.console) root.console.error('Uncaught google.script.run failure: ' + error.message);
      }
    }

    function pump() {
      while (running < maxConcurrent && queue.length) {
        var job = queue.shift();
        running++;
        job();
      }
    }

    function call(name, args, config) {
      var cloned;
      try {
        cloned = cloneArgs(args);
      } catch (e) {
        later(function () { fail(config, toError(e)); });
        return undefined;
      }
      queue.push(function () {
        Promise.resolve()
          .then(function () { return transport(name, cloned); })
          .then(function (res) {
            if (res && res.ok) {
              if (config.success) config.success(res.value, config.userObject);
            } else {
              fail(config, toError(res ? res.error : 'Unknown error'));
            }
          }, function (err) { fail(config, toError(err)); })
          .then(function () { running--; pump(); }, function (handlerError) {
            // A handler threw: free the slot, then surface it as an uncaught error, as a page would.
            running--;
            pump();
            setTimeout(function () { throw handlerError; }, 0);
          });
      });
      later(pump);
      return undefined;
    }

    function makeRunner(config) {
      var runner = {};
      function withConfig(patch) {
        var next = { success: config.success, failure: config.failure, userObject: config.userObject };
        for (var key in patch) next[key] = patch[key];
        return makeRunner(next);
      }
      runner.withSuccessHandler = function (fn) { return withConfig({ success: fn }); };
      runner.withFailureHandler = function (fn) { return withConfig({ failure: fn }); };
      runner.withUserObject = function (obj) { return withConfig({ userObject: obj }); };
      for (var i = 0; i < functionNames.length; i++) {
        (function (name) {
          if (/_$/.test(name)) return;
          runner[name] = function () { return call(name, Array.prototype.slice.call(arguments), config); };
        })(functionNames[i]);
      }
      return runner;
    }

    var host = {
      origin: 'https://docs.google.com',
      close: function () { hostCalls.push('close'); },
      setHeight: function (h) { hostCalls.push('setHeight:' + h); },
      setWidth: function (w) { hostCalls.push('setWidth:' + w); },
      editor: { focus: function () { hostCalls.push('editor.focus'); } }
    };

    root.google = root.google || {};
    root.google.script = { run: makeRunner({}), host: host };
    return root.google.script;
  }

  return { clone: clone, cloneArgs: cloneArgs, install: install };
}
`;
