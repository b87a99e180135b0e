// Access control for Parley's gRPC endpoint: TLS server (and client)
// credentials built from PEM files, and an optional bearer token that callers
// of parley.v1.Parley must present as "authorization: Bearer <token>".
//
// Secrets (private keys, tokens) never appear in a returned Status: errors
// name the flag and the file, not what the file holds.
//
// Policy (see README "Access"):
//   - TLS is transport-level, so with --tls-cert every service on the port
//     (Parley, health, reflection) needs a TLS client, and with
//     --tls-client-ca a verified client certificate too.
//   - The bearer token guards parley.v1.Parley only. grpc.health.v1.Health
//     stays open so that probes need no secret, and reflection stays open
//     because it only describes the public API in proto/.
//   - The token is checked inside the service (TokenCheckedParleyService),
//     not by a grpc::AuthMetadataProcessor, because the latter only runs on
//     secure channels and token-only deployments (TLS terminated by a mesh
//     sidecar) must be checked too.
#ifndef PARLEY_SERVICES_AUTH_H_
#define PARLEY_SERVICES_AUTH_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"
#include "parley/v1/parley_service.grpc.pb.h"

namespace parley::service {

// ---------------------------------------------------------------- tokens

// Reads a bearer token from `path`. Trailing whitespace (the newline that
// editors and `kubectl create secret --from-file` leave) is stripped. Errors
// name `flag` and the path, never the contents:
//   NOT_FOUND         the file cannot be read;
//   INVALID_ARGUMENT  the token is empty, or holds characters other than
//                     visible ASCII (it must fit in an HTTP/2 header).
absl::StatusOr<std::string> ReadTokenFile(const std::string& path,
                                          std::string_view flag = "--auth-token-file");

// The same validation on a token given directly (e.g. from $PARLEY_TOKEN);
// `source` names where it came from in the error.
absl::StatusOr<std::string> ValidateToken(std::string token, std::string_view source);

// True iff `presented` equals `expected`. The running time depends only on
// presented.size(), never on where the two differ or on expected's length,
// so timing reveals nothing about the expected token.
bool ConstantTimeEquals(std::string_view presented, std::string_view expected);

// The "authorization" header value a client sends: "Bearer <token>".
std::string BearerHeaderValue(std::string_view token);

// Checks the "authorization" entries of a call's metadata against
// `expected` (non-empty). OK iff there is exactly one entry, its scheme is
// "Bearer" (case-insensitive, RFC 6750) and its token equals `expected`.
// Otherwise UNAUTHENTICATED; the message never echoes what was presented.
absl::Status CheckBearerToken(const std::multimap<grpc::string_ref, grpc::string_ref>& metadata,
                              std::string_view expected);

// CheckBearerToken on a call's metadata, as the gRPC status a service
// returns. OK when `expected` is empty (no token configured).
grpc::Status CheckCallToken(const grpc::ServerContextBase& context, std::string_view expected);

// parley.v1.Parley with the bearer-token check in front of every RPC: a call
// without the right token gets UNAUTHENTICATED and never reaches `inner`.
// An RPC added to the proto but not forwarded here answers UNIMPLEMENTED
// (the generated default), so a new method fails closed, not open.
// `inner` must outlive this object.
class TokenCheckedParleyService final
    : public v1::Parley::WithCallbackMethod_WatchEvents<v1::Parley::Service> {
 public:
  using Inner = v1::Parley::WithCallbackMethod_WatchEvents<v1::Parley::Service>;
  TokenCheckedParleyService(Inner& inner, std::string token)
      : inner_(inner), token_(std::move(token)) {}

  grpc::Status GetEvent(grpc::ServerContext*, const v1::GetEventRequest*,
                        v1::Event*) override;
  grpc::Status ListEvents(grpc::ServerContext*, const v1::ListEventsRequest*,
                          v1::ListEventsResponse*) override;
  grpc::Status GetParticipant(grpc::ServerContext*, const v1::GetParticipantRequest*,
                              v1::Participant*) override;
  grpc::Status SearchParticipants(grpc::ServerContext*, const v1::SearchParticipantsRequest*,
                                  v1::SearchParticipantsResponse*) override;
  grpc::Status ListQuotes(grpc::ServerContext*, const v1::ListQuotesRequest*,
                          v1::ListQuotesResponse*) override;
  grpc::Status GetArticle(grpc::ServerContext*, const v1::GetArticleRequest*,
                          v1::Article*) override;
  grpc::Status ListConnections(grpc::ServerContext*, const v1::ListConnectionsRequest*,
                               v1::ListConnectionsResponse*) override;
  grpc::ServerWriteReactor<v1::WatchEventsResponse>* WatchEvents(
      grpc::CallbackServerContext*, const v1::WatchEventsRequest*) override;

 private:
  grpc::Status Check(const grpc::ServerContextBase& context) const;

  Inner& inner_;
  const std::string token_;
};

// ------------------------------------------------------------ server TLS

struct ServerSecurityOptions {
  // PEM certificate chain and private key (--tls-cert, --tls-key). Both or
  // neither; empty (default): plaintext.
  std::string tls_cert_file;
  std::string tls_key_file;
  // PEM CA bundle that client certificates are verified against
  // (--tls-client-ca). Default empty: client certificates are not requested.
  std::string tls_client_ca_file;
  // Refuse clients without a certificate that verifies against
  // tls_client_ca_file. parleyd sets it whenever --tls-client-ca is given.
  // Default false: a certificate, if presented, is still verified.
  bool require_client_cert = false;
  // File holding the bearer token callers must present (--auth-token-file).
  // Default empty: no token check. Read by LoadServerSecurity.
  std::string auth_token_file;
};

struct ServerSecurity {
  std::shared_ptr<grpc::ServerCredentials> credentials;  // never null
  bool tls = false;
  bool client_certs_verified = false;
  std::string token;  // empty: no token check
};

// Builds the listening credentials: InsecureServerCredentials without
// tls_cert_file, SSL credentials otherwise. Reads and checks every file up
// front so that a bad deployment fails at start with the flag's name rather
// than at the first handshake. Errors (the message names the flag and file):
//   INVALID_ARGUMENT  only one of cert/key; a client CA or
//                     require_client_cert without a cert; require_client_cert
//                     without a CA; a file that is not PEM of the right kind;
//                     a key that does not match the certificate;
//   NOT_FOUND         a file cannot be read.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const ServerSecurityOptions& options);

// MakeServerCredentials plus the token (ReadTokenFile) when configured.
absl::StatusOr<ServerSecurity> LoadServerSecurity(const ServerSecurityOptions& options);

// A one-line description of what is enabled, for the log; names files and
// modes, never contents.
std::string DescribeServerSecurity(const ServerSecurityOptions& options);

// ------------------------------------------------------------ client TLS

struct ClientSecurityOptions {
  // PEM CA bundle to verify the server with (--tls-ca). Non-empty enables
  // TLS. Default empty: plaintext.
  std::string tls_ca_file;
  // Client certificate chain and key (--tls-cert, --tls-key); both or
  // neither, and only with tls_ca_file.
  std::string tls_cert_file;
  std::string tls_key_file;
  // Name to verify the server certificate against instead of the target's
  // host (--tls-server-name). Default empty: the target's host.
  std::string tls_server_name;
};

// Channel credentials and arguments for ClientSecurityOptions. Errors as
// MakeServerCredentials (INVALID_ARGUMENT, NOT_FOUND, naming the flag).
struct ClientChannelSettings {
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  grpc::ChannelArguments arguments;
};
absl::StatusOr<ClientChannelSettings> MakeClientChannelSettings(
    const ClientSecurityOptions& options);

}  // namespace parley::service

#endif  // PARLEY_SERVICES_AUTH_H_
