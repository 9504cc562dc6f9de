package io.nativerollups.node.plugin;

import io.nativerollups.plugin.NodePlugin;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/** Finds {@link NodePlugin}s with {@link ServiceLoader} in the jars of a plugins directory. */
public final class PluginLoader {
  private PluginLoader() {}

  /**
   * Loads every plugin listed in the jars of {@code directory} (null or absent: none).
   *
   * @throws PluginException naming the jar or plugin class that failed to load
   */
  public static List<NodePlugin> load(Path directory, ClassLoader parent) {
    if (directory == null) {
      return List.of();
    }
    if (!Files.isDirectory(directory)) {
      throw new PluginException("plugins directory " + directory + " does not exist or is not a directory");
    }
    List<URL> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        jars.add(jar.toUri().toURL());
      }
    } catch (IOException e) {
      throw new PluginException("cannot list plugins directory " + directory + ": " + e.getMessage(), e);
    }
    URLClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), parent);
    List<NodePlugin> plugins = new ArrayList<>();
    Iterator<NodePlugin> found = ServiceLoader.load(NodePlugin.class, loader).iterator();
    while (true) {
      try {
        if (!found.hasNext()) {
          break;
        }
        plugins.add(found.next());
      } catch (ServiceConfigurationError | LinkageError e) {
        throw new PluginException("plugin failed to load from " + directory + ": " + e.getMessage(), e);
      }
    }
    return plugins;
  }
}
