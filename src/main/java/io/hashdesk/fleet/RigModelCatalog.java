package io.hashdesk.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

/** The ASIC models hashdesk knows, from {@code catalog/rig-models.csv} (read once, at start). */
@ApplicationScoped
public class RigModelCatalog {

    static final String RESOURCE = "catalog/rig-models.csv";
    static final String HEADER = "manufacturer,model,terahash,watts,cooling,released";

    private final List<RigModel> models;
    private final Map<String, RigModel> byName = new LinkedHashMap<>();

    public RigModelCatalog() {
        this.models = List.copyOf(load());
        for (RigModel m : models) {
            byName.put(key(m.name()), m);
        }
    }

    /** Every model, in the file's order (by manufacturer, then by release). */
    public List<RigModel> all() {
        return models;
    }

    /** Models grouped by manufacturer, for an option list. */
    public Map<String, List<RigModel>> byManufacturer() {
        Map<String, List<RigModel>> groups = new TreeMap<>();
        for (RigModel m : models) {
            groups.computeIfAbsent(m.manufacturer(), k -> new ArrayList<>()).add(m);
        }
        return groups;
    }

    /** The model of that name (case and spacing ignored), if the catalog has it. */
    public Optional<RigModel> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(key(name)));
    }

    private static String key(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static List<RigModel> load() {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            in = RigModelCatalog.class.getClassLoader().getResourceAsStream(RESOURCE);
        }
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the application");
        }
        List<RigModel> models = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            boolean header = false;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!trimmed.equals(HEADER)) {
                        throw new IllegalStateException(RESOURCE + " line " + number + ": expected header " + HEADER);
                    }
                    header = true;
                    continue;
                }
                String[] cells = trimmed.split(",", -1);
                if (cells.length != 6) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": expected 6 columns");
                }
                try {
                    models.add(new RigModel(cells[0].trim(), cells[1].trim(), Double.parseDouble(cells[2]),
                            Double.parseDouble(cells[3]), cells[4].trim(), Integer.parseInt(cells[5].trim())));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return models;
    }
}
