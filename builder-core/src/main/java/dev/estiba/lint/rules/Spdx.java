package dev.estiba.lint.rules;

import java.util.Set;

/**
 * SPDX license expressions: identifiers from the SPDX list (the commonly used part of it),
 * {@code LicenseRef-...}, a trailing {@code +}, and AND, OR, WITH with parentheses.
 */
final class Spdx {
    private static final Set<String> IDS = Set.of("0BSD", "AFL-3.0", "AGPL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later",
        "Apache-1.1", "Apache-2.0", "APSL-2.0", "Artistic-2.0", "BlueOak-1.0.0", "BSD-1-Clause", "BSD-2-Clause",
        "BSD-2-Clause-Patent", "BSD-3-Clause", "BSD-3-Clause-Clear", "BSD-4-Clause", "BSL-1.0", "BUSL-1.1", "CC-BY-4.0",
        "CC-BY-SA-4.0", "CC0-1.0", "CDDL-1.0", "CDDL-1.1", "CECILL-2.1", "CPL-1.0", "ECL-2.0", "EPL-1.0", "EPL-2.0",
        "EUPL-1.1", "EUPL-1.2", "GFDL-1.3", "GPL-2.0", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0", "GPL-3.0-only",
        "GPL-3.0-or-later", "ISC", "LGPL-2.0", "LGPL-2.1", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0",
        "LGPL-3.0-only", "LGPL-3.0-or-later", "LPPL-1.3c", "MIT", "MIT-0", "MPL-1.1", "MPL-2.0", "MS-PL", "MS-RL",
        "MulanPSL-2.0", "NCSA", "ODbL-1.0", "OFL-1.1", "OpenSSL", "OSL-3.0", "PHP-3.01", "PostgreSQL", "Python-2.0",
        "Ruby", "SSPL-1.0", "Unicode-DFS-2016", "Unlicense", "UPL-1.0", "Vim", "W3C", "WTFPL", "X11", "Zlib", "ZPL-2.1",
        "Classpath-exception-2.0", "LLVM-exception", "GCC-exception-3.1");

    private Spdx() {
    }

    static boolean valid(String expression) {
        String[] tokens = expression.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+");
        boolean expectId = true;
        int depth = 0;
        for (String t : tokens) {
            if (t.equals("(")) {
                depth++;
            } else if (t.equals(")")) {
                if (--depth < 0 || expectId) {
                    return false;
                }
            } else if (t.equals("AND") || t.equals("OR") || t.equals("WITH")) {
                if (expectId) {
                    return false;
                }
                expectId = true;
            } else {
                String id = t.endsWith("+") ? t.substring(0, t.length() - 1) : t;
                if (!expectId || !(IDS.contains(id) || id.matches("(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+"))) {
                    return false;
                }
                expectId = false;
            }
        }
        return !expectId && depth == 0;
    }
}
