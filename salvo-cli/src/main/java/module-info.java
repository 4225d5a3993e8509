/** The {@code salvo} command line; no package is exported; the packages holding commands and options are open to picocli, which reads them reflectively. */
module dev.salvo.cli {
    requires dev.salvo.client;
    requires dev.salvo.netty;
    requires io.netty.handler;
    requires dev.salvo.server;
    requires dev.salvo.bench;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    opens dev.salvo.cli to info.picocli;
    opens dev.salvo.cli.batches to info.picocli;
    opens dev.salvo.cli.bench to info.picocli;
    opens dev.salvo.cli.common to info.picocli;
    opens dev.salvo.cli.demo to info.picocli;
    opens dev.salvo.cli.fetch to info.picocli;
    opens dev.salvo.cli.isbn to info.picocli;
    opens dev.salvo.cli.search to info.picocli;
    opens dev.salvo.cli.serve to info.picocli;
}
