/** Placeholder until this module's issue lands. */
package dev.salvo.bench;
