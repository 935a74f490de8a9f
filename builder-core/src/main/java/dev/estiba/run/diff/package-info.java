/**
 * A step's file-system changes: read from an overlay upper directory ({@link
 * dev.estiba.run.diff.UpperDirReader}) with runtime leftovers left out ({@link
 * dev.estiba.run.diff.Leftovers}).
 */
package dev.estiba.run.diff;
