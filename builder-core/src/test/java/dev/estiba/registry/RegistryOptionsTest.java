package dev.estiba.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryOptionsTest {
    static final RegistryOptions OPTIONS = RegistryOptions.defaults(Map.of())
        .withInsecureRegistries(Set.of("Build.Example:5000", "lab.example"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
        ghcr.io,               false, false
        registry-1.docker.io,  false, false
        build.example:5000,    true,  true
        build.example:5001,    false, false
        build.example,         false, false
        lab.example,           true,  true
        lab.example:443,       true,  true
        localhost:5000,        false, true
        localhost,             false, true
        127.0.0.1:5000,        false, true
        127.10.0.3,            false, true
        [::1]:5000,            false, true
        [::1],                 false, true
        [2001:db8::1]:5000,    false, false
        10.0.0.1:5000,         false, false
        localhost.example.com, false, false
        """)
    void plainHttpOnlyForInsecureAndLoopbackHosts(String host, boolean insecure, boolean plainHttp) {
        assertEquals(insecure, OPTIONS.isInsecure(host));
        assertEquals(plainHttp, OPTIONS.allowsPlainHttp(host));
    }
}
