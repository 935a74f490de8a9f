package dev.estiba.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
    @Test
    void jdkClientBuffersAreRaisedBeforeTheFirstClientIsBuilt() throws Exception {
        HttpTransport transport = new HttpTransport(RegistryOptions.defaults(Map.of()));
        transport.client("127.0.0.1:5000");
        assertEquals("262144", System.getProperty("jdk.httpclient.bufsize"));
    }
}
