"""A WatchEvents client written with Python's grpcio from PyPI, with stubs
generated from proto/ by grpcio-tools: what a service outside the project
would write.

  watch_client.py --server ADDR --stubs DIR list-cursor
      prints ListEventsResponse.watch_cursor
  watch_client.py --server ADDR --stubs DIR watch --after CURSOR --count N
      prints one line per change: CHANGE_TYPE EVENT_NAME CURSOR
"""
import argparse
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--stubs", required=True)
    parser.add_argument("command", choices=["list-cursor", "watch"])
    parser.add_argument("--after", default="")
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    sys.path.insert(0, args.stubs)
    import grpc
    from parley.v1 import parley_service_pb2 as pb
    from parley.v1 import parley_service_pb2_grpc as pb_grpc

    with grpc.insecure_channel(args.server) as channel:
        stub = pb_grpc.ParleyStub(channel)
        if args.command == "list-cursor":
            print(stub.ListEvents(pb.ListEventsRequest(), timeout=args.timeout).watch_cursor)
            return 0
        stream = stub.WatchEvents(pb.WatchEventsRequest(after=args.after), timeout=args.timeout)
        seen = 0
        for change in stream:
            name = pb.WatchEventsResponse.ChangeType.Name(change.change_type)
            print(name, change.event.name, change.cursor, flush=True)
            seen += 1
            if seen == args.count:
                stream.cancel()
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
