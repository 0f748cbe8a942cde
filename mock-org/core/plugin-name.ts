/**
 * Names a fastify plugin (the display name fastify-plugin sets; encapsulation unchanged). A plugin without one is
 * looked for among the exports of every loaded CommonJS module, on each registration, to be named: in a suite worker
 * that is thousands of modules for every plugin of every org the worker builds.
 */
export function namedPlugin<Plugin extends object>(name: string, plugin: Plugin): Plugin {
  Object.defineProperty(plugin, Symbol.for('fastify.display-name'), { value: name });
  return plugin;
}
