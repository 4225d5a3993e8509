/**
 * The demo's HTML report: one self-contained page (inline CSS, SVG and a few lines of inline
 * script; nothing fetched) with a waterfall per scenario and the summary table.
 *
 * <p><b>Threading.</b> Stateless; call from any thread. <b>Nulls.</b> No method accepts or
 * returns null.
 */
package dev.salvo.cli.report;
