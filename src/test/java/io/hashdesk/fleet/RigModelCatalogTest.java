package io.hashdesk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The built-in catalog: the models operators run, with plausible nameplate figures (plain JUnit). */
class RigModelCatalogTest {

    private final RigModelCatalog catalog = new RigModelCatalog();

    @Test
    void holdsTheCurrentAndOlderModelsOperatorsRun() {
        List<String> expected = List.of("Bitmain Antminer S19", "Bitmain Antminer S19 Pro", "Bitmain Antminer S19j Pro",
                "Bitmain Antminer S19 XP", "Bitmain Antminer S19k Pro", "Bitmain Antminer S21", "Bitmain Antminer S21 Pro",
                "Bitmain Antminer S21 XP", "Bitmain Antminer S21 Hydro", "Bitmain Antminer S21 XP Hydro",
                "Bitmain Antminer T21", "MicroBT Whatsminer M30S", "MicroBT Whatsminer M30S++", "MicroBT Whatsminer M50S",
                "MicroBT Whatsminer M53S", "MicroBT Whatsminer M60S", "MicroBT Whatsminer M63S", "MicroBT Whatsminer M66S",
                "Canaan Avalon A1246", "Canaan Avalon A1366", "Canaan Avalon A1466", "Auradine Teraflux AT2880",
                "Auradine Teraflux AH3880", "Bitdeer SealMiner A2");
        for (String name : expected) {
            assertTrue(catalog.find(name).isPresent(), name + " is in the catalog");
        }
        assertTrue(catalog.all().size() >= 25, "at least 25 models");
        // Found whatever the case and spacing the operator typed.
        assertEquals("Bitmain Antminer S21 Pro", catalog.find("  bitmain  antminer s21 PRO ").orElseThrow().name());
        assertEquals(200, catalog.find("Bitmain Antminer S21").orElseThrow().terahash());
        assertEquals(3500, catalog.find("Bitmain Antminer S21").orElseThrow().watts());
    }

    @Test
    void everyModelHasPlausibleNameplateFiguresAndAUniqueName() {
        Set<String> names = new HashSet<>();
        for (RigModel m : catalog.all()) {
            assertTrue(names.add(m.name()), "unique: " + m.name());
            assertTrue(m.terahash() > 0 && m.terahash() <= 10_000, m.name() + " TH/s within what a rig form accepts");
            assertTrue(m.watts() > 0 && m.watts() <= 100_000, m.name() + " W within what a rig form accepts");
            // From the S9 (about 98 J/TH) to today's best (about 12 J/TH).
            assertTrue(m.efficiencyJPerTh() >= 10 && m.efficiencyJPerTh() <= 100, m.name() + " " + m.efficiencyJPerTh() + " J/TH");
            assertTrue(Set.of("air", "hydro", "immersion").contains(m.cooling()), m.name() + " cooling");
            assertTrue(m.released() >= 2013 && m.released() <= 2030, m.name() + " year");
        }
    }
}
