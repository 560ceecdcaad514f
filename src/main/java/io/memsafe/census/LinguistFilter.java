package io.memsafe.census;

import org.eclipse.jgit.attributes.Attribute;
import org.eclipse.jgit.attributes.AttributesNode;
import org.eclipse.jgit.attributes.AttributesRule;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Leaves out vendored, generated and third-party code the way GitHub linguist does: by well-known path
 * conventions, overridden either way by {@code linguist-vendored} / {@code linguist-generated} attributes in the
 * {@code .gitattributes} files of the tree being counted (so a historical commit is judged by its own attributes).
 *
 * <p>The .gitattributes syntax (globs, directory-relative patterns, {@code -attr} and {@code attr=false}) is
 * parsed by JGit; precedence follows git: deeper files override shallower ones, later lines override earlier.
 */
public final class LinguistFilter {

    /** Path conventions for vendored and generated code, in the spirit of linguist's vendor.yml and generated.rb. */
    private static final Pattern VENDORED = Pattern.compile(
            "(?:^|/)(?:vendors?|third[-_]?party|3rd[-_]?party|node_modules|bower_components|Godeps/_workspace|extern)/"
                    + "|^deps/"
                    + "|(?:^|/)(?:configure|config\\.guess|config\\.sub|ltmain\\.sh|install-sh|depcomp|missing)$"
                    + "|\\.min\\.(?:js|css)$");
    private static final Pattern GENERATED = Pattern.compile(
            "\\.pb\\.(?:go|cc|h)$|_pb2\\.py$|\\.designer\\.cs$|(?:^|/)(?:Cargo\\.lock|package-lock\\.json|yarn\\.lock|go\\.sum)$");

    /** Parsed .gitattributes per directory ("" for the root). */
    private final Map<String, AttributesNode> attributes = new TreeMap<>();

    /** Adds the contents of the .gitattributes file found at {@code path}. */
    public void addAttributesFile(String path, byte[] content) {
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        AttributesNode node = new AttributesNode();
        try {
            node.parse(new ByteArrayInputStream(content));
        } catch (IOException e) {
            return; // unparseable attributes: ignore them, as git would ignore the broken lines
        }
        attributes.put(dir, node);
    }

    public static boolean isAttributesFile(String path) {
        return path.equals(".gitattributes") || path.endsWith("/.gitattributes");
    }

    /** Whether the file is vendored or generated and should be left out. */
    public boolean excludes(String path) {
        Boolean vendored = null;
        Boolean generated = null;
        // walk .gitattributes from the root down to the file's directory; later (deeper) decisions override
        String[] parts = path.split("/");
        StringBuilder dir = new StringBuilder();
        for (int depth = 0; depth < parts.length; depth++) {
            AttributesNode node = attributes.get(dir.toString());
            if (node != null) {
                String relative = path.substring(dir.isEmpty() ? 0 : dir.length() + 1);
                for (AttributesRule rule : node.getRules()) {
                    if (!rule.isMatch(relative, false)) {
                        continue;
                    }
                    for (Attribute a : rule.getAttributes()) {
                        Boolean value = truth(a);
                        if (value == null) {
                            continue;
                        }
                        switch (a.getKey()) {
                            case "linguist-vendored" -> vendored = value;
                            case "linguist-generated" -> generated = value;
                            default -> {
                            }
                        }
                    }
                }
            }
            if (depth < parts.length - 1) {
                if (!dir.isEmpty()) {
                    dir.append('/');
                }
                dir.append(parts[depth]);
            }
        }
        if (vendored == null) {
            vendored = VENDORED.matcher(path).find();
        }
        if (generated == null) {
            generated = GENERATED.matcher(path).find();
        }
        return vendored || generated;
    }

    private static Boolean truth(Attribute a) {
        return switch (a.getState()) {
            case SET -> Boolean.TRUE;
            case UNSET -> Boolean.FALSE;
            case CUSTOM -> "true".equalsIgnoreCase(a.getValue()) ? Boolean.TRUE
                    : "false".equalsIgnoreCase(a.getValue()) ? Boolean.FALSE : null;
            default -> null;
        };
    }
}
