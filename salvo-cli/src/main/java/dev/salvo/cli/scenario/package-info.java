/**
 * The seed scenarios S1–S6 as the demo runs them: each one replays its seed's experiment the slow
 * way and the concurrent way and reports both times and timelines.
 *
 * <p><b>Threading.</b> A scenario runs on the caller's thread and closes what it starts before it
 * returns; values here are immutable. <b>Nulls.</b> No method accepts or returns null.
 */
package dev.salvo.cli.scenario;
