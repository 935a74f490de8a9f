package dev.estiba.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyRegistryClientTest {

    @Test
    void makesTheClientOnFirstUseOnlyAndOnce() {
        RegistryOptions options = RegistryOptions.defaults(Map.of()).withUserAgent("estiba/test");
        AtomicInteger made = new AtomicInteger();
        RegistryClient lazy = RegistryClient.lazy(() -> {
            made.incrementAndGet();
            return RegistryClient.create(options, null, e -> { });
        });
        assertEquals(0, made.get());
        assertSame(options, lazy.options());
        assertSame(options, lazy.options());
        assertEquals(1, made.get());
    }
}
