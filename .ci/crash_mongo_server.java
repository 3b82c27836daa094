import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

/**
 * For .ci/crash_tests.py, run as a single source file with mongo-java-server and the MongoDB driver on the class
 * path. {@code PORT}: a MongoDB wire-protocol server (memory backend) on 127.0.0.1:PORT, until killed, for two
 * query services to share (each one's embedded server dies with it). {@code PORT owners}: prints the token store's
 * claims on that server, one "processor TAB segment TAB owner" line each.
 */
class CrashMongoServer {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        if (args.length > 1 && args[1].equals("owners")) {
            try (var client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                for (Document token : client.getDatabase("pipelens").getCollection("trackingtokens").find()) {
                    Object owner = token.get("owner");
                    System.out.println(token.get("processorName") + "\t" + token.get("segment") + "\t"
                            + (owner == null ? "" : owner));
                }
            }
            return;
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        System.out.println("listening on " + server.getLocalAddress());
        Thread.currentThread().join();
    }
}
