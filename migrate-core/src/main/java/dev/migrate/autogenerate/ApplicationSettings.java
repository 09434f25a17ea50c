package dev.migrate.autogenerate;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The ORM settings an application hands its Hibernate at start-up, read from its class path as the
 * application itself reads them, so that autogenerate's model is the schema the application's own
 * export would write:
 *
 * <ul>
 *   <li>with Spring Boot on the class path, {@code application.properties} and
 *       {@code application.yml}/{@code .yaml} at the class path's root and in {@code config/}
 *       (a {@code .properties} file over a YAML one in the same place, {@code config/} over the root,
 *       a profile's {@code application-<profile>.*} over both; documents split by {@code ---} or
 *       {@code #---} with {@code spring.config.activate.on-profile}), profiles from
 *       {@code spring.profiles.active} unless given. What reaches Hibernate: every
 *       {@code spring.jpa.properties.*} verbatim, and {@code spring.jpa.hibernate.naming.physical-strategy}
 *       / {@code implicit-strategy} as {@value #PHYSICAL_NAMING} / {@value #IMPLICIT_NAMING}, over
 *       the same keys in {@code spring.jpa.properties} (Spring Boot's own precedence);</li>
 *   <li>without Spring Boot, the {@code hibernate.*} properties of {@code META-INF/persistence.xml}'s
 *       first persistence unit.</li>
 * </ul>
 *
 * <p>YAML is read with the project's own SnakeYAML (Spring Boot's starter brings it); beans such as a
 * {@code PhysicalNamingStrategy} {@code @Bean} and settings from the environment are not seen.
 */
public final class ApplicationSettings {

    /** Hibernate's setting for the physical naming strategy. */
    public static final String PHYSICAL_NAMING = "hibernate.physical_naming_strategy";
    /** Hibernate's setting for the implicit naming strategy. */
    public static final String IMPLICIT_NAMING = "hibernate.implicit_naming_strategy";

    private static final String SPRING_BOOT = "org/springframework/boot/SpringApplication.class";
    private static final String JPA_PROPERTIES = "spring.jpa.properties.";
    private static final String NAMING = "spring.jpa.hibernate.naming.";
    private static final String PERSISTENCE_XML = "META-INF/persistence.xml";

    private ApplicationSettings() {
    }

    /**
     * The settings of the application whose classes {@code projectClasses} loads: Spring Boot's
     * configuration when Spring Boot is on its class path, else its {@code persistence.xml}.
     *
     * @param profiles the Spring profiles to read; empty for those {@code spring.profiles.active} names
     * @throws MigrateException naming the file (and key) that cannot be read
     */
    public static ModelSettings of(ClassLoader projectClasses, List<String> profiles) {
        if (projectClasses.getResource(SPRING_BOOT) != null) {
            return springBoot(projectClasses, profiles);
        }
        if (!profiles.isEmpty()) {
            // Without Spring Boot no application.* file is read, so the profiles would select nothing.
            throw new MigrateException("migrate.springProfiles is '" + String.join(",", profiles) + "', but Spring Boot is"
                    + " not on the project's class path, so autogenerate reads META-INF/persistence.xml, which has no"
                    + " profiles. Leave out migrate.springProfiles.");
        }
        return persistenceUnit(projectClasses);
    }

    /** Spring Boot's {@code application.*} files on {@code projectClasses}' class path, as described above. */
    public static ModelSettings springBoot(ClassLoader projectClasses, List<String> profiles) {
        List<Source> sources = new ArrayList<>();
        for (String location : List.of("", "config/")) {
            sources.addAll(read(projectClasses, location + "application"));
        }
        List<String> active = profiles.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (active.isEmpty() && !profiles.isEmpty()) {
            throw new MigrateException("migrate.springProfiles is '" + String.join(",", profiles) + "', which names no"
                    + " profile. Name the profiles comma-separated (prod,eu), or leave migrate.springProfiles out for"
                    + " those spring.profiles.active names.");
        }
        if (active.isEmpty()) {
            String named = null;
            for (Source source : sources) {
                if (source.profiles() == null && source.values().containsKey("spring.profiles.active")) {
                    named = source.values().get("spring.profiles.active");
                }
            }
            active = named == null ? List.of() : Arrays.stream(named.split(",")).map(String::trim)
                    .filter(p -> !p.isEmpty()).toList();
        }
        List<Source> forProfiles = new ArrayList<>();
        for (String profile : active) {
            for (String location : List.of("", "config/")) {
                forProfiles.addAll(read(projectClasses, location + "application-" + profile));
            }
        }
        if (!profiles.isEmpty()) {
            // Given on the command line, a profile nothing is written for is a typo: the files read would
            // silently be those without it. (Spring Boot accepts such a profile; it may only select beans.)
            for (String profile : active) {
                boolean written = List.of("", "config/").stream().flatMap(location -> Stream.of("properties", "yml", "yaml")
                                .map(extension -> location + "application-" + profile + "." + extension))
                        .anyMatch(name -> projectClasses.getResource(name) != null)
                        || sources.stream().anyMatch(source -> source.profiles() != null && source.profiles().contains(profile));
                if (!written) {
                    throw new MigrateException("migrate.springProfiles names profile '" + profile + "', but the project's"
                            + " class path has no application-" + profile + ".properties/.yml/.yaml (at its root or in"
                            + " config/) and no document with spring.config.activate.on-profile: " + profile
                            + ". Fix the profile's name, or leave it out (autogenerate reads only these files).");
                }
            }
        }
        sources.addAll(forProfiles);
        // Later sources win: the order above is Spring Boot's, lowest precedence first.
        Map<String, String> merged = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (Source source : sources) {
            if (source.profiles() != null && source.profiles().stream().noneMatch(active::contains)) {
                continue;
            }
            source.values().forEach((key, value) -> {
                merged.remove(key);
                merged.put(key, value);
                origins.put(key, source.file() + ", key " + key);
            });
        }
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> settingOrigins = new LinkedHashMap<>();
        Map<String, String> naming = new LinkedHashMap<>();
        merged.forEach((key, value) -> {
            if (key.startsWith(JPA_PROPERTIES)) {
                String setting = key.substring(JPA_PROPERTIES.length());
                if (setting.startsWith("[") && setting.endsWith("]")) {
                    setting = setting.substring(1, setting.length() - 1); // Spring's escape for a key with dots
                }
                settings.put(setting, resolve(value, merged, origins.get(key)));
                settingOrigins.put(setting, origins.get(key));
            } else if (key.startsWith(NAMING)) {
                // Relaxed binding: physical-strategy, physicalStrategy and physical_strategy are one key.
                String property = key.substring(NAMING.length()).replace("-", "").replace("_", "")
                        .toLowerCase(Locale.ROOT);
                String setting = property.equals("physicalstrategy") ? PHYSICAL_NAMING
                        : property.equals("implicitstrategy") ? IMPLICIT_NAMING : null;
                if (setting != null && !value.isBlank()) {
                    naming.put(setting, key);
                }
            }
        });
        naming.forEach((setting, key) -> {
            settings.put(setting, resolve(merged.get(key).trim(), merged, origins.get(key)));
            settingOrigins.put(setting, origins.get(key));
        });
        return new ModelSettings(settings, settingOrigins);
    }

    /** The {@code hibernate.*} properties of {@code META-INF/persistence.xml}'s first persistence unit. */
    public static ModelSettings persistenceUnit(ClassLoader projectClasses) {
        URL url = projectClasses.getResource(PERSISTENCE_XML);
        if (url == null) {
            return ModelSettings.none();
        }
        String file = "classpath:" + PERSISTENCE_XML;
        Document document;
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // A DOCTYPE is read as the application's parser reads it, but nothing outside the file is loaded.
            factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e; // in the message below, not printed on the console as the parser's default does
                }
            });
            document = builder.parse(in);
        } catch (Exception e) {
            throw new MigrateException(file + " cannot be read: " + sentence(oneLine(e.getMessage()))
                    + " Fix the file (the application could not start with it either).", e);
        }
        NodeList units = document.getElementsByTagNameNS("*", "persistence-unit");
        if (units.getLength() == 0) {
            return ModelSettings.none();
        }
        Element unit = (Element) units.item(0);
        String unitName = unit.getAttribute("name");
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        NodeList properties = unit.getElementsByTagNameNS("*", "property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            String name = property.getAttribute("name").trim();
            if (name.startsWith("hibernate.")) {
                String origin = file + " (persistence unit " + unitName + "), key " + name;
                values.put(name, systemPlaceholders(property.getAttribute("value").trim(), origin));
                origins.put(name, origin);
            }
        }
        return new ModelSettings(values, origins);
    }

    /** One document of a configuration file: its flattened keys, and the profiles it is for (null: any). */
    private record Source(String file, Map<String, String> values, List<String> profiles) {
    }

    /** {@code base}'s YAML files, then its properties file (which wins in the same location). */
    private static List<Source> read(ClassLoader loader, String base) {
        List<Source> sources = new ArrayList<>();
        for (String extension : List.of("yml", "yaml")) {
            String name = base + "." + extension;
            URL url = loader.getResource(name);
            if (url != null) {
                sources.addAll(yaml(loader, "classpath:" + name, text(url, "classpath:" + name)));
            }
        }
        String name = base + ".properties";
        URL url = loader.getResource(name);
        if (url != null) {
            sources.addAll(properties("classpath:" + name, text(url, "classpath:" + name)));
        }
        return sources;
    }

    private static String text(URL url, String file) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrateException(file + " cannot be read: " + e.getMessage() + ".", e);
        }
    }

    private static List<Source> properties(String file, String text) {
        List<Source> sources = new ArrayList<>();
        StringBuilder document = new StringBuilder();
        for (String line : (text + "\n#---").split("\\R", -1)) {
            if (line.equals("#---") || line.equals("!---")) {
                Properties properties = new Properties();
                try {
                    properties.load(new StringReader(document.toString()));
                } catch (IOException | IllegalArgumentException e) {
                    throw new MigrateException(file + " cannot be read: " + sentence(oneLine(e.getMessage()))
                            + " Fix the file (the application could not start with it either).", e);
                }
                Map<String, String> values = new LinkedHashMap<>();
                properties.stringPropertyNames().stream().sorted().forEach(key -> values.put(key, properties.getProperty(key)));
                sources.add(source(file, values));
                document.setLength(0);
            } else {
                document.append(line).append('\n');
            }
        }
        return sources;
    }

    private static List<Source> yaml(ClassLoader loader, String file, String text) {
        Object yaml;
        try {
            yaml = Class.forName("org.yaml.snakeyaml.Yaml", true, loader).getConstructor().newInstance();
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MigrateException(file + " cannot be read: SnakeYAML (org.yaml:snakeyaml, which Spring Boot's"
                    + " starters bring) is not on the project's class path. Add it, or use application.properties.");
        } catch (ReflectiveOperationException e) {
            throw new MigrateException(file + " cannot be read: the project's SnakeYAML cannot be started: " + e + ".", e);
        }
        List<Source> sources = new ArrayList<>();
        try {
            Iterable<?> documents = (Iterable<?>) yaml.getClass().getMethod("loadAll", Reader.class)
                    .invoke(yaml, new StringReader(text));
            for (Object document : documents) {
                Map<String, String> values = new LinkedHashMap<>();
                if (document instanceof Map<?, ?> map) {
                    flatten("", map, values);
                } else if (document != null) {
                    throw new MigrateException(file + " is not a map of keys to values (its document is "
                            + oneLine(String.valueOf(document)) + "). Fix the file.");
                }
                sources.add(source(file, values));
            }
        } catch (InvocationTargetException e) {
            throw new MigrateException(file + " is not valid YAML: " + yamlReason(e.getCause().getMessage())
                    + ". Fix the file (the application could not start with it either).", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new MigrateException(file + " cannot be read with the project's SnakeYAML: " + e + ".", e);
        } catch (MigrateException e) {
            throw e;
        } catch (RuntimeException e) {
            // SnakeYAML parses lazily: a syntax error surfaces while the documents are iterated.
            throw new MigrateException(file + " is not valid YAML: " + yamlReason(e.getMessage())
                    + ". Fix the file (the application could not start with it either).", e);
        }
        return sources;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> into) {
        map.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, into);
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    if (item instanceof Map<?, ?> nested) {
                        flatten(name + "[" + i + "].", nested, into);
                    } else {
                        into.put(name + "[" + i + "]", item == null ? "" : String.valueOf(item));
                    }
                }
                // Spring Boot binds a list to a comma-separated value too (spring.profiles.active: [a, b]).
                if (list.stream().noneMatch(item -> item instanceof Map<?, ?>)) {
                    into.put(name, String.join(",", list.stream().map(String::valueOf).toList()));
                }
            } else {
                into.put(name, value == null ? "" : String.valueOf(value));
            }
        });
    }

    /** A document, with the profiles its {@code spring.config.activate.on-profile} (or older {@code spring.profiles}) names. */
    private static Source source(String file, Map<String, String> values) {
        String onProfile = values.getOrDefault("spring.config.activate.on-profile", values.get("spring.profiles"));
        List<String> profiles = onProfile == null ? null
                : Arrays.stream(onProfile.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        return new Source(file, values, profiles);
    }

    /**
     * {@code value} with Spring's {@code ${key}} and {@code ${key:default}} placeholders resolved
     * from the other keys, the JVM's system properties and the environment, as Spring Boot would.
     */
    private static String resolve(String value, Map<String, String> keys, String origin) {
        String resolved = value;
        for (int guard = 0; guard < 10 && resolved.contains("${"); guard++) {
            int start = resolved.indexOf("${");
            int end = resolved.indexOf('}', start);
            if (end < 0) {
                break;
            }
            String placeholder = resolved.substring(start + 2, end);
            int colon = placeholder.indexOf(':');
            String name = colon < 0 ? placeholder : placeholder.substring(0, colon);
            String found = keys.containsKey(name) ? keys.get(name) : System.getProperty(name);
            if (found == null) {
                found = System.getenv(name);
            }
            if (found == null) {
                // Spring's relaxed form for the environment: my-app.schema is MYAPP_SCHEMA.
                found = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""));
            }
            if (found == null && colon >= 0) {
                found = placeholder.substring(colon + 1);
            }
            if (found == null) {
                throw new MigrateException(origin + " is " + value + ", whose ${" + name + "} is not set here (not in"
                        + " the file, a system property or the environment). Set it, or give a default: ${" + name
                        + ":value}.");
            }
            resolved = resolved.substring(0, start) + found + resolved.substring(end + 1);
        }
        return resolved;
    }

    /**
     * {@code value} with each {@code ${name}} replaced by the system property {@code name}, as Hibernate
     * replaces them in its settings. Hibernate leaves a setting whose property is not set out without a
     * word; here that fails, naming the key, since the schema would silently differ from the one meant.
     */
    private static String systemPlaceholders(String value, String origin) {
        String resolved = value;
        for (int start = resolved.indexOf("${"); start >= 0; start = resolved.indexOf("${", start)) {
            int end = resolved.indexOf('}', start);
            if (end < 0) {
                break;
            }
            String name = resolved.substring(start + 2, end);
            String found = System.getProperty(name);
            if (found == null) {
                throw new MigrateException(origin + " is " + value + ", whose ${" + name + "} is not a system property"
                        + " here (Hibernate replaces only those, and leaves the setting out otherwise). Set it"
                        + " (-D" + name + "=... on the mvn command line, as the application's JVM gets it), or write"
                        + " the value itself.");
            }
            resolved = resolved.substring(0, start) + found + resolved.substring(end + 1);
            start += found.length();
        }
        return resolved;
    }

    /**
     * SnakeYAML's message on one line: "in 'reader', line 4, column 15:" becomes "at line 4, column 15:",
     * and the caret it draws under the column on a line of its own is left out.
     */
    private static String yamlReason(String message) {
        return oneLine(message == null ? null : message.replaceAll("(?m)^\\s*\\^\\s*$", "")
                .replace(" in 'reader', line ", " at line ").replace("in 'reader', line ", "at line "))
                .replaceAll(":$", ""); // the colon introduced the snippet and caret, now gone at the end
    }

    /** {@code text} ending with one full stop (a parser's message may end with one already). */
    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static String oneLine(String message) {
        return message == null ? "no detail" : message.strip().replaceAll("\\s+", " ");
    }
}
