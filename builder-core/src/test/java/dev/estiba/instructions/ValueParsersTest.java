package dev.estiba.instructions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParsersTest {

    @ParameterizedTest
    @CsvSource({"0,0", "1ns,1", "1us,1000", "1µs,1000", "1μs,1000", "1ms,1000000", "1.5s,1500000000",
        "2h45m,9900000000000", "-1m,-60000000000", "+3s,3000000000", ".5s,500000000", "1.s,1000000000",
        "1h1m1s1ms1us1ns,3661001001001"})
    void parsesGoDurations(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), GoDuration.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|time: invalid duration \"\"", "5|time: missing unit in duration \"5\"",
        "1x|time: unknown unit \"x\" in duration \"1x\"", "s|time: invalid duration \"s\"",
        ".s|time: invalid duration \".s\"", "-|time: invalid duration \"-\"",
        "9999999999h|time: invalid duration \"9999999999h\""})
    void refusesBadDurations(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIGTERM", "term", "KILL", "9", "SIGRTMIN+3", "rtmax-2", "sigusr1", "-1"})
    void acceptsSignals(String s) {
        Signals.validate(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIGFOO", "0", "", "SIG", "RTMIN+16", "99999999999"})
    void refusesSignals(String s) {
        assertEquals("invalid signal: " + s,
            assertThrows(IllegalArgumentException.class, () -> Signals.validate(s)).getMessage());
    }

    @ParameterizedTest
    @CsvSource({"755,493", "0644,420", "7777,4095", "0,0"})
    void octalModes(String text, int mode) {
        assertEquals(mode, FileMode.parse(text).octal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+x", "u=rwX,go=rX", "a-w", "g=u", "u+s,o-t", "=r", "ug+rw-x"})
    void symbolicModes(String text) {
        assertEquals(true, FileMode.parse(text).symbolic());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8", "u", "u=rwq", "x+", "u=r,", "rwx"})
    void refusesModes(String text) {
        assertThrows(IllegalArgumentException.class, () -> FileMode.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"80,80,80,tcp", "80/udp,80,80,udp", "8000-8010/TCP,8000,8010,tcp", "0,0,0,tcp", "65535/sctp,65535,65535,sctp"})
    void ports(String text, int first, int last, String proto) {
        assertEquals(new PortSpec(first, last, proto), PortSpec.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "80-", "a", "80/", "1.2.3.4:80:80", "80/tcp/udp"})
    void refusesPorts(String text) {
        assertThrows(IllegalArgumentException.class, () -> PortSpec.parse(text));
    }

    @org.junit.jupiter.api.Test
    void rangesListEachPort() {
        assertEquals(java.util.List.of("8000/udp", "8001/udp"), PortSpec.parse("8000-8001/udp").configKeys());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a,b|2", "\"a,b\",c|2", "\"x\"\"y\"|1", "a,,b|2"})
    void mountCsv(String text, int fields) {
        assertEquals(fields, Mount.csv(text).size());
    }
}
