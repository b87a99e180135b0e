// parleyctl: command-line client for Parley. Publishes article files onto the
// Kafka topic and runs the typed gRPC queries, printing text for people or
// JSON (--json) for programs.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/flags/flag.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/cli.h"
#include "common/status_macros.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/grpcpp.h"
#include "ingest/kafka_client.h"
#include "nlohmann/json.hpp"
#include "parley/v1/parley_service.grpc.pb.h"
#include "identity/person_key.h"
#include "services/admin_service.h"
#include "services/auth.h"
#include "services/pictures.h"
#include "services/text_format.h"

ABSL_FLAG(std::string, server, "127.0.0.1:50051", "parleyd gRPC address");
ABSL_FLAG(bool, json, false, "Print JSON instead of text");
ABSL_FLAG(std::string, brokers, "127.0.0.1:9092", "Kafka bootstrap servers (publish)");
ABSL_FLAG(std::string, topic, "articles", "Kafka topic (publish)");
ABSL_FLAG(std::string, participant, "", "events: participant name or participants/ID");
ABSL_FLAG(std::string, organization, "", "events: organisation");
ABSL_FLAG(std::string, country, "", "events: ISO 3166-1 alpha-2 country");
ABSL_FLAG(std::string, location, "", "events: location");
ABSL_FLAG(std::string, type, "", "events: event type, e.g. staff_talks");
ABSL_FLAG(std::string, from, "", "events: range start YYYY-MM-DD");
ABSL_FLAG(std::string, to, "", "events: range end YYYY-MM-DD");
ABSL_FLAG(std::string, speaker, "", "quotes: speaker name or participants/ID");
ABSL_FLAG(std::string, event, "", "quotes: events/ID");
ABSL_FLAG(std::string, contains, "", "quotes: text the quote contains");
ABSL_FLAG(int, page_size, 0, "Results per page (0: server default)");
ABSL_FLAG(std::string, format, "text",
          "connections, timeline: text, json, dot (Graphviz) or svg");
ABSL_FLAG(std::string, order_by, "shared_events",
          "connections: shared_events or most_recent");
ABSL_FLAG(std::string, page_token, "", "Continue from a previous page");
ABSL_FLAG(std::string, view, "",
          "participant, search, events: basic or full (default: full for participant, basic "
          "for search and events, whose basic view has no quotes or text spans)");
ABSL_FLAG(int, timeout_seconds, 10, "Deadline for each call (watch: none)");
ABSL_FLAG(std::string, after, "", "watch: resume after this cursor");
ABSL_FLAG(int, count, 0, "watch: stop after this many changes (0: never)");
ABSL_FLAG(bool, all, false, "reindex: re-extract every article, not only outdated ones");
ABSL_FLAG(std::string, tls_ca, "",
          "PEM CA bundle to verify parleyd's certificate with; enables TLS (default: plaintext)");
ABSL_FLAG(std::string, tls_cert, "", "PEM client certificate chain (with --tls-key, --tls-ca)");
ABSL_FLAG(std::string, tls_key, "", "PEM private key for --tls-cert");
ABSL_FLAG(std::string, tls_server_name, "",
          "Name to verify parleyd's certificate against (default: the --server host)");
ABSL_FLAG(std::string, token_file, "",
          "File holding the bearer token to send (default: $PARLEY_TOKEN, if set)");

namespace parley {
namespace {

constexpr char kUsage[] = R"(parleyctl [--server HOST:PORT] [--json] COMMAND ...
          [--tls-ca FILE [--tls-cert FILE --tls-key FILE] [--tls-server-name NAME]]
          [--token-file FILE]   (or $PARLEY_TOKEN)

Commands:
  publish [--brokers HOST:PORT] [--topic T] FILE...   publish article files (.json envelopes
                                                       keyed by their id, other files keyed
                                                       by their file name without extension)
  events [--participant P] [--organization O] [--country CC] [--location L]
         [--type T] [--from DATE] [--to DATE]          list events, newest first
  event ID                                             one event (ID or events/ID)
  participant ID                                       one participant with appearances
  search QUERY                                         participants by name prefix
  quotes [--speaker S] [--event ID] [--contains TEXT]  quotes
  article ID                                           normalised article with fact spans
  watch [the events filters] [--after CURSOR] [--count N]
                                                       events as they are stored, replaced or
                                                       deleted; one line (or JSON object) each
  reindex [--all]                                      re-extract stored articles (admin)
  reindex-status                                       progress of the last reindex (admin)
  checkpoint                                           write a checkpoint of the store (admin)
  checkpoints                                          the checkpoints kept, newest first (admin)
  connections P [--from DATE] [--to DATE] [--type T] [--order-by most_recent]
              [--format text|json|dot|svg]             people met, by real-world events shared
  timeline P [--from DATE] [--to DATE] [--format text|json|dot|svg]
                                                       a participant's events and titles over time

  The pictures: parleyctl connections "Francesco Diella" --format svg > connections.svg)";

std::string WithCollection(const std::string& id, const std::string& collection) {
  return id.rfind(collection + "/", 0) == 0 ? id : collection + "/" + id;
}

absl::Status PrintMessage(const google::protobuf::Message& message,
                          const std::function<std::string()>& text) {
  if (!absl::GetFlag(FLAGS_json)) {
    std::cout << text();
    return absl::OkStatus();
  }
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  auto status = google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) return absl::InternalError(std::string(status.message()));
  std::cout << json;
  return absl::OkStatus();
}

absl::Status FromGrpc(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

// The bearer token from --token-file, else $PARLEY_TOKEN; empty if neither.
absl::StatusOr<std::string> TokenFromFlags() {
  std::string path = absl::GetFlag(FLAGS_token_file);
  if (!path.empty()) return service::ReadTokenFile(path, "--token-file");
  const char* env = std::getenv("PARLEY_TOKEN");
  if (env == nullptr || *env == '\0') return std::string();
  return service::ValidateToken(env, "$PARLEY_TOKEN");
}

class Client {
 public:
  static absl::StatusOr<Client> Create() {
    service::ClientSecurityOptions options;
    options.tls_ca_file = absl::GetFlag(FLAGS_tls_ca);
    options.tls_cert_file = absl::GetFlag(FLAGS_tls_cert);
    options.tls_key_file = absl::GetFlag(FLAGS_tls_key);
    options.tls_server_name = absl::GetFlag(FLAGS_tls_server_name);
    PARLEY_ASSIGN_OR_RETURN(service::ClientChannelSettings settings,
                            service::MakeClientChannelSettings(options));
    PARLEY_ASSIGN_OR_RETURN(std::string token, TokenFromFlags());
    // The token goes in per-call metadata rather than grpc::CallCredentials:
    // gRPC drops call credentials on plaintext channels, and token-only
    // deployments behind a TLS-terminating proxy are supported.
    return Client(grpc::CreateCustomChannel(absl::GetFlag(FLAGS_server), settings.credentials,
                                            settings.arguments),
                  std::move(token));
  }

  template <typename Request, typename Response>
  absl::StatusOr<Response> Call(
      grpc::Status (v1::Parley::Stub::*method)(grpc::ClientContext*, const Request&, Response*),
      const Request& request) {
    return CallOn(*stub_, method, request);
  }

  template <typename Request, typename Response>
  absl::StatusOr<Response> CallAdmin(
      grpc::Status (v1::ParleyAdmin::Stub::*method)(grpc::ClientContext*, const Request&,
                                                    Response*),
      const Request& request) {
    return CallOn(*admin_, method, request);
  }

  // Streams changes to `show` until it returns false, the stream ends or
  // fails. No deadline: a watch runs until stopped.
  absl::Status Watch(const v1::WatchEventsRequest& request,
                     const std::function<bool(const v1::WatchEventsResponse&)>& show) {
    grpc::ClientContext context;
    if (!token_.empty()) {
      context.AddMetadata("authorization", service::BearerHeaderValue(token_));
    }
    std::unique_ptr<grpc::ClientReader<v1::WatchEventsResponse>> reader =
        stub_->WatchEvents(&context, request);
    v1::WatchEventsResponse change;
    while (reader->Read(&change)) {
      if (!show(change)) {
        context.TryCancel();
        reader->Finish().IgnoreError();
        return absl::OkStatus();
      }
    }
    return FromGrpc(reader->Finish());
  }

 private:
  // One unary call with the deadline of --timeout-seconds and the token.
  template <typename Stub, typename Request, typename Response>
  absl::StatusOr<Response> CallOn(
      Stub& stub, grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
      const Request& request) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(absl::GetFlag(FLAGS_timeout_seconds)));
    if (!token_.empty()) {
      context.AddMetadata("authorization", service::BearerHeaderValue(token_));
    }
    Response response;
    PARLEY_RETURN_IF_ERROR(FromGrpc((stub.*method)(&context, request, &response)));
    return response;
  }

  Client(std::shared_ptr<grpc::Channel> channel, std::string token)
      : stub_(v1::Parley::NewStub(channel)),
        admin_(v1::ParleyAdmin::NewStub(channel)),
        token_(std::move(token)) {}

  std::unique_ptr<v1::Parley::Stub> stub_;
  std::unique_ptr<v1::ParleyAdmin::Stub> admin_;
  std::string token_;
};

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

// The message key of an article file: a JSON envelope's id, else the file
// name without its extension.
std::string ArticleKey(const std::string& path, const std::string& contents) {
  if (std::filesystem::path(path).extension() == ".json") {
    nlohmann::json envelope = nlohmann::json::parse(contents, nullptr, false);
    if (envelope.is_object() && envelope.contains("id") && envelope["id"].is_string()) {
      return envelope["id"].get<std::string>();
    }
  }
  return std::filesystem::path(path).stem().string();
}

absl::Status Publish(const std::vector<std::string>& files) {
  if (files.empty()) return absl::InvalidArgumentError("publish: no files given");
  ingest::KafkaSettings settings;
  settings.brokers = absl::GetFlag(FLAGS_brokers);
  PARLEY_ASSIGN_OR_RETURN(auto producer, ingest::SyncProducer::Create(settings));
  std::string topic = absl::GetFlag(FLAGS_topic);
  for (const std::string& file : files) {
    PARLEY_ASSIGN_OR_RETURN(std::string contents, ReadFile(file));
    std::string key = ArticleKey(file, contents);
    PARLEY_RETURN_IF_ERROR(producer->Produce(topic, key, contents, {}, absl::Seconds(30)));
    std::cout << "published " << key << " (" << contents.size() << " bytes) to " << topic
              << "\n";
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::EventType> ParseEventType(const std::string& name) {
  if (name.empty()) return v1::EVENT_TYPE_UNSPECIFIED;
  v1::EventType type;
  std::string upper = name;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!v1::EventType_Parse(upper, &type)) {
    return absl::InvalidArgumentError(absl::StrCat("--type: unknown event type ", name));
  }
  return type;
}

// --view as the participant or event enum: `View` is v1::ParticipantView or
// v1::EventView, each with the values unspecified, basic and full.
template <typename View>
absl::StatusOr<View> ParseView(const std::string& name, View basic, View full) {
  if (name.empty()) return View{};
  if (name == "basic") return basic;
  if (name == "full") return full;
  return absl::InvalidArgumentError(
      absl::StrCat("--view: expected basic or full, got \"", name, "\""));
}

absl::StatusOr<v1::ParticipantView> ParseParticipantView(const std::string& name) {
  return ParseView(name, v1::PARTICIPANT_VIEW_BASIC, v1::PARTICIPANT_VIEW_FULL);
}

absl::StatusOr<v1::ListConnectionsRequest::Order> ParseOrder(const std::string& name) {
  if (name == "shared_events" || name.empty()) return v1::ListConnectionsRequest::SHARED_EVENTS;
  if (name == "most_recent") return v1::ListConnectionsRequest::MOST_RECENT;
  return absl::InvalidArgumentError(
      absl::StrCat("--order-by: expected shared_events or most_recent, got ", name));
}

// Prints a picture command's result in --format.
absl::Status PrintPicture(const google::protobuf::Message& message, const std::string& dot,
                          const std::string& layout, const std::function<std::string()>& text) {
  std::string format = absl::GetFlag(FLAGS_format);
  if (format == "dot") {
    std::cout << dot;
    return absl::OkStatus();
  }
  if (format == "svg") {
    PARLEY_ASSIGN_OR_RETURN(std::string svg, service::RenderSvg(dot, layout));
    std::cout << svg;
    return absl::OkStatus();
  }
  if (format == "json" || absl::GetFlag(FLAGS_json)) {
    absl::SetFlag(&FLAGS_json, true);
    return PrintMessage(message, text);
  }
  if (format != "text") {
    return absl::InvalidArgumentError(
        absl::StrCat("--format: expected text, json, dot or svg, got ", format));
  }
  return PrintMessage(message, text);
}

absl::Status RunConnections(Client& client, const std::string& participant) {
  v1::ListConnectionsRequest request;
  request.set_participant(participant);
  request.set_start_date(absl::GetFlag(FLAGS_from));
  request.set_end_date(absl::GetFlag(FLAGS_to));
  PARLEY_ASSIGN_OR_RETURN(v1::EventType type, ParseEventType(absl::GetFlag(FLAGS_type)));
  request.set_type(type);
  PARLEY_ASSIGN_OR_RETURN(auto order, ParseOrder(absl::GetFlag(FLAGS_order_by)));
  request.set_order_by(order);
  request.set_page_size(absl::GetFlag(FLAGS_page_size) > 0 ? absl::GetFlag(FLAGS_page_size) : 100);
  request.set_page_token(absl::GetFlag(FLAGS_page_token));
  PARLEY_ASSIGN_OR_RETURN(auto response,
                          client.Call(&v1::Parley::Stub::ListConnections, request));
  v1::GetParticipantRequest get;
  get.set_name(response.participant());
  PARLEY_ASSIGN_OR_RETURN(auto center, client.Call(&v1::Parley::Stub::GetParticipant, get));
  return PrintPicture(response, service::ConnectionsDot(center, response), "twopi",
                      [&] { return service::FormatConnections(center, response); });
}

// Every event of the participant in the date range (at most 2,000).
absl::Status RunTimeline(Client& client, const std::string& participant) {
  v1::GetParticipantRequest get;
  if (participant.rfind("participants/", 0) == 0) {
    get.set_name(participant);
  } else {
    // A full name or a bare id: its person key, which the server resolves.
    std::string id = identity::PersonIdOf(participant);
    if (id.empty()) return absl::InvalidArgumentError("timeline: the participant has no name");
    get.set_name("participants/" + id);
  }
  PARLEY_ASSIGN_OR_RETURN(auto person, client.Call(&v1::Parley::Stub::GetParticipant, get));
  v1::ListEventsRequest request;
  request.set_participant(person.name());
  request.set_start_date(absl::GetFlag(FLAGS_from));
  request.set_end_date(absl::GetFlag(FLAGS_to));
  request.set_one_per_real_event(true);
  request.set_page_size(100);
  v1::ListEventsResponse all;
  do {
    PARLEY_ASSIGN_OR_RETURN(auto page, client.Call(&v1::Parley::Stub::ListEvents, request));
    for (auto& event : *page.mutable_events()) *all.add_events() = std::move(event);
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty() && all.events_size() < 2000);
  std::vector<v1::Event> events(all.events().begin(), all.events().end());
  return PrintPicture(all, service::TimelineDot(person, events), "dot",
                      [&] { return service::FormatEventList(all); });
}

// The event filter flags, shared by `events` and `watch`.
template <typename Request>
absl::Status SetEventFilters(Request& request) {
  request.set_participant(absl::GetFlag(FLAGS_participant));
  request.set_organization(absl::GetFlag(FLAGS_organization));
  request.set_country(absl::GetFlag(FLAGS_country));
  request.set_location(absl::GetFlag(FLAGS_location));
  PARLEY_ASSIGN_OR_RETURN(v1::EventType type, ParseEventType(absl::GetFlag(FLAGS_type)));
  request.set_type(type);
  request.set_start_date(absl::GetFlag(FLAGS_from));
  request.set_end_date(absl::GetFlag(FLAGS_to));
  return absl::OkStatus();
}

// One line per change: its type, date, id and title, then the cursor to
// resume after it; or one compact JSON object per line with --json.
absl::Status RunWatch(Client& client) {
  v1::WatchEventsRequest request;
  PARLEY_RETURN_IF_ERROR(SetEventFilters(request));
  request.set_after(absl::GetFlag(FLAGS_after));
  int limit = absl::GetFlag(FLAGS_count);
  int shown = 0;
  absl::Status printed;
  PARLEY_RETURN_IF_ERROR(client.Watch(request, [&](const v1::WatchEventsResponse& change) {
    if (absl::GetFlag(FLAGS_json)) {
      std::string json;
      google::protobuf::util::JsonPrintOptions options;
      options.preserve_proto_field_names = true;
      auto status = google::protobuf::util::MessageToJsonString(change, &json, options);
      if (!status.ok()) printed = absl::InternalError(std::string(status.message()));
      std::cout << json << std::endl;
    } else {
      std::cout << service::FormatChange(change) << std::flush;
    }
    return printed.ok() && (limit <= 0 || ++shown < limit);
  }));
  return printed;
}

absl::Status RunReindexCommand(Client& client, const std::string& command) {
  v1::ReindexStatus status;
  if (command == "reindex") {
    v1::StartReindexRequest request;
    request.set_all(absl::GetFlag(FLAGS_all));
    PARLEY_ASSIGN_OR_RETURN(auto response,
                            client.CallAdmin(&v1::ParleyAdmin::Stub::StartReindex, request));
    status = response.status();
  } else {
    PARLEY_ASSIGN_OR_RETURN(auto response,
                            client.CallAdmin(&v1::ParleyAdmin::Stub::GetReindexStatus,
                                             v1::GetReindexStatusRequest()));
    status = response.status();
  }
  return PrintMessage(status, [&] { return service::DescribeReindex(status) + "\n"; });
}

std::string DescribeCheckpoint(const v1::Checkpoint& checkpoint) {
  return absl::StrCat(checkpoint.path(), "  ", checkpoint.create_time(), "  changes up to ",
                      checkpoint.last_change(), "  ", checkpoint.size_bytes(), " bytes\n");
}

absl::Status RunCheckpointCommand(Client& client, const std::string& command) {
  if (command == "checkpoint") {
    PARLEY_ASSIGN_OR_RETURN(auto response,
                            client.CallAdmin(&v1::ParleyAdmin::Stub::CreateCheckpoint,
                                             v1::CreateCheckpointRequest()));
    return PrintMessage(response, [&] { return DescribeCheckpoint(response.checkpoint()); });
  }
  PARLEY_ASSIGN_OR_RETURN(auto response,
                          client.CallAdmin(&v1::ParleyAdmin::Stub::ListCheckpoints,
                                           v1::ListCheckpointsRequest()));
  return PrintMessage(response, [&] {
    std::string text;
    for (const v1::Checkpoint& checkpoint : response.checkpoints()) {
      text += DescribeCheckpoint(checkpoint);
    }
    return text.empty() ? std::string("no checkpoints\n") : text;
  });
}

absl::Status RunCommand(const std::string& command, const std::vector<std::string>& args) {
  if (command == "publish") return Publish(args);
  if (command == "watch" || command == "reindex" || command == "reindex-status" ||
      command == "checkpoint" || command == "checkpoints") {
    if (!args.empty()) return absl::InvalidArgumentError(absl::StrCat(command, ": takes flags only"));
    PARLEY_ASSIGN_OR_RETURN(Client client, Client::Create());
    if (command == "watch") return RunWatch(client);
    if (command.rfind("checkpoint", 0) == 0) return RunCheckpointCommand(client, command);
    return RunReindexCommand(client, command);
  }
  if (command == "connections" || command == "timeline") {
    if (args.size() != 1) {
      return absl::InvalidArgumentError(absl::StrCat(command, ": expects exactly one participant"));
    }
    PARLEY_ASSIGN_OR_RETURN(Client client, Client::Create());
    return command == "connections" ? RunConnections(client, args[0])
                                    : RunTimeline(client, args[0]);
  }
  PARLEY_ASSIGN_OR_RETURN(Client client, Client::Create());
  auto need_one = [&]() -> absl::StatusOr<std::string> {
    if (args.size() != 1) {
      return absl::InvalidArgumentError(absl::StrCat(command, ": expects exactly one argument"));
    }
    return args[0];
  };
  if (command == "events") {
    v1::ListEventsRequest request;
    PARLEY_RETURN_IF_ERROR(SetEventFilters(request));
    request.set_page_size(absl::GetFlag(FLAGS_page_size));
    request.set_page_token(absl::GetFlag(FLAGS_page_token));
    PARLEY_ASSIGN_OR_RETURN(v1::EventView view,
                            ParseView(absl::GetFlag(FLAGS_view), v1::EVENT_VIEW_BASIC,
                                      v1::EVENT_VIEW_FULL));
    request.set_view(view);
    PARLEY_ASSIGN_OR_RETURN(auto response, client.Call(&v1::Parley::Stub::ListEvents, request));
    return PrintMessage(response, [&] { return service::FormatEventList(response); });
  }
  if (command == "event") {
    PARLEY_ASSIGN_OR_RETURN(std::string id, need_one());
    v1::GetEventRequest request;
    request.set_name(WithCollection(id, "events"));
    PARLEY_ASSIGN_OR_RETURN(auto response, client.Call(&v1::Parley::Stub::GetEvent, request));
    return PrintMessage(response, [&] { return service::FormatEvent(response); });
  }
  if (command == "participant") {
    PARLEY_ASSIGN_OR_RETURN(std::string id, need_one());
    v1::GetParticipantRequest request;
    request.set_name(WithCollection(id, "participants"));
    PARLEY_ASSIGN_OR_RETURN(v1::ParticipantView view,
                            ParseParticipantView(absl::GetFlag(FLAGS_view)));
    request.set_view(view);
    PARLEY_ASSIGN_OR_RETURN(auto response,
                            client.Call(&v1::Parley::Stub::GetParticipant, request));
    return PrintMessage(response, [&] { return service::FormatParticipant(response); });
  }
  if (command == "search") {
    PARLEY_ASSIGN_OR_RETURN(std::string query, need_one());
    v1::SearchParticipantsRequest request;
    request.set_query(query);
    PARLEY_ASSIGN_OR_RETURN(v1::ParticipantView view,
                            ParseParticipantView(absl::GetFlag(FLAGS_view)));
    request.set_view(view);
    request.set_page_size(absl::GetFlag(FLAGS_page_size));
    request.set_page_token(absl::GetFlag(FLAGS_page_token));
    PARLEY_ASSIGN_OR_RETURN(auto response,
                            client.Call(&v1::Parley::Stub::SearchParticipants, request));
    return PrintMessage(response, [&] { return service::FormatSearch(response); });
  }
  if (command == "quotes") {
    v1::ListQuotesRequest request;
    request.set_speaker(absl::GetFlag(FLAGS_speaker));
    std::string event = absl::GetFlag(FLAGS_event);
    if (!event.empty()) request.set_event(WithCollection(event, "events"));
    request.set_contains(absl::GetFlag(FLAGS_contains));
    request.set_page_size(absl::GetFlag(FLAGS_page_size));
    request.set_page_token(absl::GetFlag(FLAGS_page_token));
    PARLEY_ASSIGN_OR_RETURN(auto response, client.Call(&v1::Parley::Stub::ListQuotes, request));
    return PrintMessage(response, [&] { return service::FormatQuotes(response); });
  }
  if (command == "article") {
    PARLEY_ASSIGN_OR_RETURN(std::string id, need_one());
    v1::GetArticleRequest request;
    request.set_name(WithCollection(id, "articles"));
    PARLEY_ASSIGN_OR_RETURN(auto response, client.Call(&v1::Parley::Stub::GetArticle, request));
    return PrintMessage(response, [&] { return service::FormatArticle(response); });
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown command \"", command, "\"\n\n", kUsage));
}

}  // namespace
}  // namespace parley

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(parley::kUsage);
  std::vector<std::string> positional = parley::ParseDashedCommandLine(argc, argv).positional;
  if (positional.empty()) {
    std::cerr << parley::kUsage << "\n";
    return 2;
  }
  std::vector<std::string> args(positional.begin() + 1, positional.end());
  absl::Status status = parley::RunCommand(positional[0], args);
  if (!status.ok()) {
    std::cerr << "parleyctl: " << absl::StatusCodeToString(status.code()) << ": "
              << status.message() << "\n";
    return 1;
  }
  return 0;
}
