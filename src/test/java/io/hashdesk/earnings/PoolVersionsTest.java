package io.hashdesk.earnings;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A page kept under the version seen between a change and its commit was computed from the rows before
 * the change: the version moves again at the commit, so such a page is not shown after it.
 */
@QuarkusTest
class PoolVersionsTest {

    @Inject
    PoolVersions versions;

    @Test
    void aChangeInsideATransactionMovesTheVersionAgainAtItsEnd() {
        long operator = 987_654_321L;
        long[] inside = new long[1];
        QuarkusTransaction.requiringNew().run(() -> {
            versions.changed(operator);
            inside[0] = versions.of(operator);
        });
        assertThat(inside[0]).isPositive();
        assertThat(versions.of(operator)).as("the version after the commit").isGreaterThan(inside[0]);

        long before = versions.of(operator);
        versions.changed(operator); // outside a transaction: once
        assertThat(versions.of(operator)).isGreaterThan(before);
    }
}
