/**
 * Editors never manage the site's end users (there are none: sign-up is off, the public API is
 * read-only), so the plugin's "User" type stays out of the content manager and the builder,
 * where it only confused (the walk-through opened it). Its API and permissions are
 * unchanged.
 */
interface UsersPermissionsPlugin {
  contentTypes: { user: { schema: { pluginOptions?: Record<string, unknown> } } };
}

export default (plugin: UsersPermissionsPlugin) => {
  const { schema } = plugin.contentTypes.user;
  schema.pluginOptions = {
    ...schema.pluginOptions,
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  };
  return plugin;
};
