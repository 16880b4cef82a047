/**
 * The API's types, made from its OpenAPI document (api/openapi/) by openapi-typescript.
 * Do not edit: change the document and run `npm run generate:web-types`; `npm run typecheck` fails while
 * this file is not what the document makes.
 */

export interface paths {
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your orders, newest first */
        get: operations["listOrders"];
        put?: never;
        /** Enter an order (answered from Redis, no MySQL); 409 STOCK_HELD with Retry-After while every unit left is held by payments in progress; 409 PURCHASE_LIMIT_REACHED when it would take the buyer's units of the item above its maxPerBuyer */
        post: operations["placeOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{orderNum}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Poll an order: status, placeInLine and etaSeconds while waiting, history and payment once written; Prefer: wait=N answers once it settles or N seconds pass */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{orderNum}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent events of one order (owner only; the token in the Authorization header, never the URL): the order as GET answers it, then again at each change (status at once, place in line at most every 500 ms); ids grow, Last-Event-ID resumes; a comment line every 15 s; closed after the settled order */
        get: operations["followOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/try-payments/{orderNum}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue the payment of an INITIATED order (owner only) */
        post: operations["tryPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/try-payments/{orderNum}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue the payment of an INITIATED order (the path the seed load script calls) */
        post: operations["tryPaymentOnSeedPath"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{orderNum}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel: INITIATED to CANCELED; PAID to CANCELED with the payment refunded and the stock restored */
        delete: operations["cancelOrder"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Browse items, newest first, each with saleStatus and stock */
        get: operations["browseItems"];
        put?: never;
        /** List an item (sellerNum must be the caller) */
        post: operations["listItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items/{itemNum}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One item, with saleStatus and stock */
        get: operations["getItem"];
        /** Edit your item: terms, and stock (absolute) or stockDelta; stock never goes below zero */
        put: operations["editItem"];
        post?: never;
        /** Delete your item (soft: orders already taken still settle) */
        delete: operations["deleteItem"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items/stocks/{itemNum}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock left */
        get: operations["getItemStock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/time": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service's clock (Redis's, no MySQL), which sale windows are judged by: a page corrects its countdown by it */
        get: operations["getServiceTime"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sellers/{sellerNum}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own items, newest first, each with its live figures: line length, units in flight, paid and failed orders, drain rate (sellerNum must be the caller) */
        get: operations["listSellerItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a one-time signup code (10 minutes, 5 attempts, one a minute per address) */
        post: operations["sendVerificationCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account with a mailed code */
        post: operations["signUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in: a bearer token (a wrong password and an unknown address get the same 401) */
        post: operations["logIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/update/{userNum}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Rename yourself */
        put: operations["renameUser"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/update/password/{userNum}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change your password: every older token stops working, the answer carries a new one */
        put: operations["changePassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/delete/{userNum}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete your account: it cannot log in, its tokens stop working, its address is freed */
        delete: operations["deleteAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process answers (also while MySQL or Redis is away: restarting it would not bring them back) */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** MySQL and Redis are reachable (for load balancers), and how many workers run */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/dead-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Line entries workers could not apply (not transiently), by order, oldest first (404 when no admin credential is configured) */
        get: operations["listDeadEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/dead-entries/{itemNum}/{orderNum}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** After mending the cause: put a dead order's entries back at the head of its item's line; a worker applies them next */
        post: operations["retryDeadOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/dead-entries/{itemNum}/{orderNum}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a dead order up: CANCELED (in MySQL with a history row, and to its buyer), its in-flight units released */
        post: operations["cancelDeadOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The running workers: host, pid and the state of their metrics port (404 when no admin credential is configured) */
        get: operations["listWorkers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (404 when no admin credential is configured) */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["openApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Item: {
            itemNum: number;
            sellerNum: number;
            title: string;
            description: string;
            /** @description In the currency's smallest unit */
            price: number;
            availableAt: string | null;
            endAt: string | null;
            /** @description The most units one buyer may hold in the item's INITIATED, IN_PROGRESS and PAID orders at once; null: no cap */
            maxPerBuyer: number | null;
            /**
             * Format: date-time
             * @description UTC, ISO-8601
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description UTC, ISO-8601
             */
            updatedAt: string;
            deletedAt: string | null;
        };
        ItemStock: {
            itemNum: number;
            stock: number;
        };
        ItemWithStock: {
            itemNum: number;
            sellerNum: number;
            title: string;
            description: string;
            /** @description In the currency's smallest unit */
            price: number;
            availableAt: string | null;
            endAt: string | null;
            /** @description The most units one buyer may hold in the item's INITIATED, IN_PROGRESS and PAID orders at once; null: no cap */
            maxPerBuyer: number | null;
            /**
             * Format: date-time
             * @description UTC, ISO-8601
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description UTC, ISO-8601
             */
            updatedAt: string;
            deletedAt: string | null;
            stock: number;
        };
        ListedItem: {
            itemNum: number;
            sellerNum: number;
            title: string;
            description: string;
            /** @description In the currency's smallest unit */
            price: number;
            availableAt: string | null;
            endAt: string | null;
            /** @description The most units one buyer may hold in the item's INITIATED, IN_PROGRESS and PAID orders at once; null: no cap */
            maxPerBuyer: number | null;
            /**
             * Format: date-time
             * @description UTC, ISO-8601
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description UTC, ISO-8601
             */
            updatedAt: string;
            deletedAt: string | null;
            /**
             * @description Whether it is on sale at serverTime
             * @enum {string}
             */
            saleStatus: "ON_SALE" | "UPCOMING" | "ENDED";
            /**
             * Format: date-time
             * @description The service's clock, which the order step judges the sale window by: count down to availableAt from it, not from the device's clock
             */
            serverTime: string;
            stock: number;
        };
        ListedItemPage: {
            items: components["schemas"]["ListedItem"][];
            page: number;
            size: number;
            total: number;
        };
        LiveFigures: {
            /** @description Units in payments waiting in the line */
            unitsInFlight: number;
            /** @description Payments waiting in the line: taken a place, not yet applied */
            lineLength: number;
            /** @description Payments applied per second lately: the rate the worker keeps for ETAs, 0 once nothing has been applied for 5 s, null until the worker has measured one */
            drainRatePerSecond: number | null;
            paidOrders: number;
            /** @description FAILED_CUSTOMER (declined) and FAILED_QUANTITY (no stock left when its turn came) */
            failedOrders: number;
        };
        SellerItem: {
            itemNum: number;
            sellerNum: number;
            title: string;
            description: string;
            /** @description In the currency's smallest unit */
            price: number;
            availableAt: string | null;
            endAt: string | null;
            /** @description The most units one buyer may hold in the item's INITIATED, IN_PROGRESS and PAID orders at once; null: no cap */
            maxPerBuyer: number | null;
            /**
             * Format: date-time
             * @description UTC, ISO-8601
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description UTC, ISO-8601
             */
            updatedAt: string;
            deletedAt: string | null;
            /**
             * @description Whether it is on sale at serverTime
             * @enum {string}
             */
            saleStatus: "ON_SALE" | "UPCOMING" | "ENDED";
            /**
             * Format: date-time
             * @description The service's clock, which the order step judges the sale window by: count down to availableAt from it, not from the device's clock
             */
            serverTime: string;
            stock: number;
            live: components["schemas"]["LiveFigures"];
        };
        SellerItemPage: {
            items: components["schemas"]["SellerItem"][];
            page: number;
            size: number;
            total: number;
        };
        CreatedItem: {
            item: components["schemas"]["Item"];
            stock: components["schemas"]["ItemStock"];
        };
        OrderReceipt: {
            orderNum: number;
            buyerNum: number;
            itemNum: number;
            quantity: number;
            /** @constant */
            status: "INITIATED";
            /**
             * Format: date-time
             * @description UTC, ISO-8601
             */
            createdAt: string;
        };
        PaymentReceipt: {
            orderNum: number;
            itemNum: number;
            /** @constant */
            status: "IN_PROGRESS";
            /** @description The payment's place in its item's line; payments are applied in this order */
            arrivalSeq: number;
        };
        Order: {
            orderNum: number;
            buyerNum: number;
            itemNum: number;
            quantity: number;
            /** @description In the currency's smallest unit */
            unitPrice: number;
            /** @description In the currency's smallest unit */
            amount: number;
            /** @enum {string} */
            status: "INITIATED" | "IN_PROGRESS" | "PAID" | "FAILED_CUSTOMER" | "FAILED_QUANTITY" | "CANCELED";
            /**
             * Format: date-time
             * @description UTC, ISO-8601
             */
            createdAt: string;
        };
        OrderHistoryEntry: {
            from: ("INITIATED" | "IN_PROGRESS" | "PAID" | "FAILED_CUSTOMER" | "FAILED_QUANTITY" | "CANCELED") | null;
            /** @enum {string} */
            to: "INITIATED" | "IN_PROGRESS" | "PAID" | "FAILED_CUSTOMER" | "FAILED_QUANTITY" | "CANCELED";
            reason: string | null;
            /**
             * Format: date-time
             * @description UTC, ISO-8601
             */
            at: string;
        };
        Payment: {
            /** @description In the currency's smallest unit */
            amount: number;
            /** @enum {string} */
            status: "PAID" | "REFUNDED";
            /**
             * Format: date-time
             * @description UTC, ISO-8601
             */
            paidAt: string;
            refundedAt: string | null;
        };
        OrderDetail: {
            orderNum: number;
            buyerNum: number;
            itemNum: number;
            quantity: number;
            /** @description In the currency's smallest unit */
            unitPrice: number;
            /** @description In the currency's smallest unit */
            amount: number;
            /** @enum {string} */
            status: "INITIATED" | "IN_PROGRESS" | "PAID" | "FAILED_CUSTOMER" | "FAILED_QUANTITY" | "CANCELED";
            /**
             * Format: date-time
             * @description UTC, ISO-8601
             */
            createdAt: string;
            /** @description Payments ahead of this one in the item's line, counting itself, while it waits (IN_PROGRESS) */
            placeInLine?: number;
            /** @description Beside placeInLine: seconds until its turn, reckoned from the item's recent drain rate; null while no rate is known yet */
            etaSeconds?: number | null;
            reason?: string | null;
            history: components["schemas"]["OrderHistoryEntry"][];
            payment: components["schemas"]["Payment"] | null;
        };
        OrderPage: {
            orders: components["schemas"]["Order"][];
            page: number;
            size: number;
            total: number;
        };
        CancelReceipt: {
            orderNum: number;
            /** @constant */
            status: "CANCELED";
            refunded: boolean;
        };
        User: {
            userNum: number;
            name: string;
            /** Format: email */
            email: string;
            /** @enum {string} */
            userRole: "SELLER" | "BUYER";
        };
        SignedInUser: {
            accessToken: string;
            /** @constant */
            tokenType: "Bearer";
            /** @description Seconds */
            expiresIn: number;
            userNum: number;
            name: string;
            /** Format: email */
            email: string;
            /** @enum {string} */
            userRole: "SELLER" | "BUYER";
        };
        VerificationSent: {
            /** Format: email */
            email: string;
        };
        ServiceTime: {
            /** @description The service's clock (Redis's), in ms since the epoch: the instant the order step would judge a sale window at */
            epochMs: number;
            /**
             * Format: date-time
             * @description The same instant, ISO-8601
             */
            serverTime: string;
        };
        Health: {
            uptimeSeconds: number;
        };
        Readiness: {
            /** @constant */
            mysql: "up";
            /** @constant */
            redis: "up";
            /** @description Workers running now (GET /admin/workers says which) */
            workers: number;
        };
        WorkerList: {
            workers: components["schemas"]["WorkerEntry"][];
        };
        DeadOrderList: {
            deadOrders: components["schemas"]["DeadOrder"][];
        };
        DeadOrder: {
            itemNum: number;
            /** @description 0: entries that name no order */
            orderNum: number;
            /** @description The order's raw line entries, in line order: the one that failed, then those of the same order that followed it */
            entries: string[];
            /** @description Why the first entry could not apply (the driver code and message) */
            error: string;
            /**
             * Format: date-time
             * @description UTC, ISO-8601
             */
            diedAt: string;
        };
        DeadOrderRetried: {
            itemNum: number;
            orderNum: number;
            /** @description Entries put back at the head of the line */
            requeued: number;
        };
        DeadOrderCanceled: {
            itemNum: number;
            orderNum: number;
            /** @constant */
            status: "CANCELED";
            /** @description Units of its payment that left the in-flight count */
            unitsReleased: number;
        };
        WorkerEntry: {
            host: string;
            pid: number;
            /**
             * @description serving: /metrics answers on metricsPort; off: WORKER_METRICS_PORT is 0; unavailable: see problem
             * @enum {string}
             */
            metrics: "serving" | "off" | "unavailable";
            metricsPort: number;
            problem?: string;
        };
        ErrorEnvelope: {
            /** @enum {string} */
            status: "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "TOO_MANY_REQUESTS" | "INTERNAL_SERVER_ERROR" | "SERVICE_UNAVAILABLE";
            /** @enum {string} */
            code: "VALIDATION_FAILED" | "MALFORMED_JSON" | "UNSUPPORTED_ENCODING" | "VERIFICATION_CODE_INVALID" | "VERIFICATION_ATTEMPTS_EXCEEDED" | "UNAUTHENTICATED" | "INVALID_TOKEN" | "TOKEN_REVOKED" | "ACCOUNT_DELETED" | "INVALID_CREDENTIALS" | "ADMIN_CREDENTIAL_REQUIRED" | "FORBIDDEN" | "ROLE_REQUIRED" | "ROUTE_NOT_FOUND" | "ITEM_NOT_FOUND" | "ORDER_NOT_FOUND" | "USER_NOT_FOUND" | "DEAD_ORDER_NOT_FOUND" | "EMAIL_TAKEN" | "SOLD_OUT" | "INSUFFICIENT_STOCK" | "STOCK_HELD" | "NOT_OPEN_YET" | "SALE_ENDED" | "PRICE_MISMATCH" | "PURCHASE_LIMIT_REACHED" | "IDEMPOTENCY_KEY_REUSED" | "INVALID_STATE" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED" | "VERIFICATION_TOO_SOON" | "ORDER_RATE_LIMITED" | "TOO_MANY_ORDER_WATCHES" | "INTERNAL_ERROR" | "NOT_READY" | "ITEM_OVERLOADED" | "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE" | "ORDER_WATCHES_AT_CAPACITY";
            message: string;
            data: Record<string, unknown> | null;
            errors?: components["schemas"]["FieldError"][];
        };
        FieldError: {
            field: string;
            message: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The caller's X-Request-Id when sane, else a new UUID; logs and drain jobs carry it */
        RequestId: string;
        /** @description Seconds to wait before trying again */
        RetryAfter: number;
        /** @description With STOCK_HELD only: seconds until the payments in progress should have settled, by the item's recent drain rate (2 while it is not known, at most 10) */
        StockHeldRetryAfter: number;
        /** @description Basic realm of the operator credential */
        BasicChallenge: string;
        /** @description A reading of the clock: never to be cached */
        NoStore: "no-store";
        /** @description RFC 7240: wait=N when the answer honoured Prefer: wait (N as cut to 30); absent when none was asked */
        PreferenceApplied: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listOrders: {
        parameters: {
            query?: {
                page?: number;
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of your orders */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["OrderPage"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED" | "INVALID_TOKEN" | "TOKEN_REVOKED" | "ACCOUNT_DELETED";
                        data: null;
                    };
                };
            };
            /** @description FORBIDDEN: ROLE_REQUIRED */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "FORBIDDEN";
                    } & {
                        /** @enum {string} */
                        code: "ROLE_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    placeOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body gets the first answer (kept 24 hours) */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The caller */
                    buyerNum: number;
                    itemNum: number;
                    /** @description At most MAX_ORDER_QUANTITY */
                    quantity: number;
                    /** @description The item's current price, as the buyer saw it */
                    price: number;
                };
            };
        };
        responses: {
            /** @description INITIATED, with its orderNum */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["OrderReceipt"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED" | "INVALID_TOKEN" | "TOKEN_REVOKED" | "ACCOUNT_DELETED";
                        data: null;
                    };
                };
            };
            /** @description FORBIDDEN: FORBIDDEN, ROLE_REQUIRED */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "FORBIDDEN";
                    } & {
                        /** @enum {string} */
                        code: "FORBIDDEN" | "ROLE_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: ITEM_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "ITEM_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description CONFLICT: SOLD_OUT, INSUFFICIENT_STOCK, STOCK_HELD, NOT_OPEN_YET, SALE_ENDED, PRICE_MISMATCH, PURCHASE_LIMIT_REACHED, IDEMPOTENCY_KEY_REUSED */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["StockHeldRetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "CONFLICT";
                    } & ({
                        /** @enum {string} */
                        code: "SOLD_OUT" | "IDEMPOTENCY_KEY_REUSED";
                        data: null;
                    } | {
                        /** @constant */
                        code: "INSUFFICIENT_STOCK";
                        data: {
                            stock: number;
                        };
                    } | {
                        /** @constant */
                        code: "STOCK_HELD";
                        data: {
                            /** @description Units not sold yet */
                            stock: number;
                            /** @description Units asked for by payments in progress, which take them unless they fail */
                            unitsInFlight: number;
                        };
                    } | {
                        /** @constant */
                        code: "NOT_OPEN_YET";
                        data: {
                            /**
                             * Format: date-time
                             * @description UTC, ISO-8601
                             */
                            availableAt: string;
                        };
                    } | {
                        /** @constant */
                        code: "SALE_ENDED";
                        data: {
                            /**
                             * Format: date-time
                             * @description UTC, ISO-8601
                             */
                            endAt: string;
                        };
                    } | {
                        /** @constant */
                        code: "PRICE_MISMATCH";
                        data: {
                            price: number;
                        };
                    } | {
                        /** @constant */
                        code: "PURCHASE_LIMIT_REACHED";
                        data: {
                            /** @description The item's cap: units one buyer may hold at once */
                            maxPerBuyer: number;
                            /** @description Units the buyer holds now in the item's INITIATED, IN_PROGRESS and PAID orders */
                            held: number;
                        };
                    });
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description TOO_MANY_REQUESTS: ORDER_RATE_LIMITED */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "TOO_MANY_REQUESTS";
                    } & {
                        /** @enum {string} */
                        code: "ORDER_RATE_LIMITED";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: ITEM_OVERLOADED, REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "ITEM_OVERLOADED" | "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description RFC 7240. wait=N (seconds, at most 30; more is cut to 30): answer once the order settles or N seconds pass, whichever comes first. A wait counts among the buyer's open streams and waits: over ORDER_WATCHES_PER_BUYER it is refused with 429 TOO_MANY_ORDER_WATCHES, over this process's ORDER_WATCHES_PER_PROCESS with 503 ORDER_WATCHES_AT_CAPACITY, both with Retry-After (a payment is then not started) */
                Prefer?: string;
            };
            path: {
                orderNum: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Preference-Applied": components["headers"]["PreferenceApplied"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["OrderDetail"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED" | "INVALID_TOKEN" | "TOKEN_REVOKED" | "ACCOUNT_DELETED";
                        data: null;
                    };
                };
            };
            /** @description FORBIDDEN: FORBIDDEN, ROLE_REQUIRED */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "FORBIDDEN";
                    } & {
                        /** @enum {string} */
                        code: "FORBIDDEN" | "ROLE_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: ORDER_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "ORDER_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description TOO_MANY_REQUESTS: TOO_MANY_ORDER_WATCHES */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "TOO_MANY_REQUESTS";
                    } & {
                        /** @enum {string} */
                        code: "TOO_MANY_ORDER_WATCHES";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: ORDER_WATCHES_AT_CAPACITY, REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "ORDER_WATCHES_AT_CAPACITY" | "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    followOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The id of the last event received: the stream resumes after it, sending only what is newer */
                "Last-Event-ID"?: number;
            };
            path: {
                orderNum: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream; each event is `id: <version>` and `data: <the order as JSON>` */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED" | "INVALID_TOKEN" | "TOKEN_REVOKED" | "ACCOUNT_DELETED";
                        data: null;
                    };
                };
            };
            /** @description FORBIDDEN: FORBIDDEN, ROLE_REQUIRED */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "FORBIDDEN";
                    } & {
                        /** @enum {string} */
                        code: "FORBIDDEN" | "ROLE_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: ORDER_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "ORDER_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description TOO_MANY_REQUESTS: TOO_MANY_ORDER_WATCHES */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "TOO_MANY_REQUESTS";
                    } & {
                        /** @enum {string} */
                        code: "TOO_MANY_ORDER_WATCHES";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: ORDER_WATCHES_AT_CAPACITY, REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "ORDER_WATCHES_AT_CAPACITY" | "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    tryPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description RFC 7240. wait=N (seconds, at most 30; more is cut to 30): answer once the order settles or N seconds pass, whichever comes first. A wait counts among the buyer's open streams and waits: over ORDER_WATCHES_PER_BUYER it is refused with 429 TOO_MANY_ORDER_WATCHES, over this process's ORDER_WATCHES_PER_PROCESS with 503 ORDER_WATCHES_AT_CAPACITY, both with Retry-After (a payment is then not started) */
                Prefer?: string;
            };
            path: {
                orderNum: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Prefer: wait=N, the order once it settled within N seconds (as GET /orders/{orderNum} answers it) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Preference-Applied": components["headers"]["PreferenceApplied"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["OrderDetail"];
                    };
                };
            };
            /** @description IN_PROGRESS, with its place in the line (also when a Prefer: wait ran out first) */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Preference-Applied": components["headers"]["PreferenceApplied"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["PaymentReceipt"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED" | "INVALID_TOKEN" | "TOKEN_REVOKED" | "ACCOUNT_DELETED";
                        data: null;
                    };
                };
            };
            /** @description FORBIDDEN: FORBIDDEN, ROLE_REQUIRED */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "FORBIDDEN";
                    } & {
                        /** @enum {string} */
                        code: "FORBIDDEN" | "ROLE_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: ORDER_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "ORDER_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description CONFLICT: INVALID_STATE */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "CONFLICT";
                    } & {
                        /** @constant */
                        code: "INVALID_STATE";
                        data: {
                            /** @enum {string} */
                            status: "INITIATED" | "IN_PROGRESS" | "PAID" | "FAILED_CUSTOMER" | "FAILED_QUANTITY" | "CANCELED";
                        };
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description TOO_MANY_REQUESTS: TOO_MANY_ORDER_WATCHES */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "TOO_MANY_REQUESTS";
                    } & {
                        /** @enum {string} */
                        code: "TOO_MANY_ORDER_WATCHES";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: ORDER_WATCHES_AT_CAPACITY, REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "ORDER_WATCHES_AT_CAPACITY" | "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    tryPaymentOnSeedPath: {
        parameters: {
            query?: never;
            header?: {
                /** @description RFC 7240. wait=N (seconds, at most 30; more is cut to 30): answer once the order settles or N seconds pass, whichever comes first. A wait counts among the buyer's open streams and waits: over ORDER_WATCHES_PER_BUYER it is refused with 429 TOO_MANY_ORDER_WATCHES, over this process's ORDER_WATCHES_PER_PROCESS with 503 ORDER_WATCHES_AT_CAPACITY, both with Retry-After (a payment is then not started) */
                Prefer?: string;
            };
            path: {
                orderNum: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With Prefer: wait=N, the order once it settled within N seconds (as GET /orders/{orderNum} answers it) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Preference-Applied": components["headers"]["PreferenceApplied"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["OrderDetail"];
                    };
                };
            };
            /** @description IN_PROGRESS, with its place in the line (also when a Prefer: wait ran out first) */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Preference-Applied": components["headers"]["PreferenceApplied"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["PaymentReceipt"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED" | "INVALID_TOKEN" | "TOKEN_REVOKED" | "ACCOUNT_DELETED";
                        data: null;
                    };
                };
            };
            /** @description FORBIDDEN: FORBIDDEN, ROLE_REQUIRED */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "FORBIDDEN";
                    } & {
                        /** @enum {string} */
                        code: "FORBIDDEN" | "ROLE_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: ORDER_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "ORDER_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description CONFLICT: INVALID_STATE */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "CONFLICT";
                    } & {
                        /** @constant */
                        code: "INVALID_STATE";
                        data: {
                            /** @enum {string} */
                            status: "INITIATED" | "IN_PROGRESS" | "PAID" | "FAILED_CUSTOMER" | "FAILED_QUANTITY" | "CANCELED";
                        };
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description TOO_MANY_REQUESTS: TOO_MANY_ORDER_WATCHES */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "TOO_MANY_REQUESTS";
                    } & {
                        /** @enum {string} */
                        code: "TOO_MANY_ORDER_WATCHES";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: ORDER_WATCHES_AT_CAPACITY, REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "ORDER_WATCHES_AT_CAPACITY" | "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderNum: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Canceled */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["CancelReceipt"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED" | "INVALID_TOKEN" | "TOKEN_REVOKED" | "ACCOUNT_DELETED";
                        data: null;
                    };
                };
            };
            /** @description FORBIDDEN: FORBIDDEN, ROLE_REQUIRED */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "FORBIDDEN";
                    } & {
                        /** @enum {string} */
                        code: "FORBIDDEN" | "ROLE_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: ORDER_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "ORDER_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description CONFLICT: INVALID_STATE */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "CONFLICT";
                    } & {
                        /** @constant */
                        code: "INVALID_STATE";
                        data: {
                            /** @enum {string} */
                            status: "INITIATED" | "IN_PROGRESS" | "PAID" | "FAILED_CUSTOMER" | "FAILED_QUANTITY" | "CANCELED";
                        };
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    browseItems: {
        parameters: {
            query?: {
                page?: number;
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of items */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["ListedItemPage"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    listItem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The caller */
                    sellerNum: number;
                    title: string;
                    /** @default  */
                    description?: string;
                    price: number;
                    stock: number;
                    /** @description Start of the sale window; null: on sale at once */
                    availableAt?: string | null;
                    /** @description End of the sale window (exclusive), after availableAt; null: no end */
                    endAt?: string | null;
                    /** @description The most units one buyer may hold in this item's INITIATED, IN_PROGRESS and PAID orders at once; null: no cap. A change applies to new orders at once and cancels nothing */
                    maxPerBuyer?: number | null;
                };
            };
        };
        responses: {
            /** @description The item and its stock */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["CreatedItem"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED" | "INVALID_TOKEN" | "TOKEN_REVOKED" | "ACCOUNT_DELETED";
                        data: null;
                    };
                };
            };
            /** @description FORBIDDEN: FORBIDDEN, ROLE_REQUIRED */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "FORBIDDEN";
                    } & {
                        /** @enum {string} */
                        code: "FORBIDDEN" | "ROLE_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    getItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemNum: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["ListedItem"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description NOT_FOUND: ITEM_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "ITEM_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    editItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemNum: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    description?: string;
                    price?: number;
                    /** @description Start of the sale window; null: on sale at once */
                    availableAt?: string | null;
                    /** @description End of the sale window (exclusive), after availableAt; null: no end */
                    endAt?: string | null;
                    /** @description The most units one buyer may hold in this item's INITIATED, IN_PROGRESS and PAID orders at once; null: no cap. A change applies to new orders at once and cancels nothing */
                    maxPerBuyer?: number | null;
                    /** @description Units on sale from now on (units sold meanwhile stay sold) */
                    stock?: number;
                    /** @description Units to add, or remove when negative */
                    stockDelta?: number;
                };
            };
        };
        responses: {
            /** @description The item as it is now */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["ItemWithStock"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED" | "INVALID_TOKEN" | "TOKEN_REVOKED" | "ACCOUNT_DELETED";
                        data: null;
                    };
                };
            };
            /** @description FORBIDDEN: FORBIDDEN, ROLE_REQUIRED */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "FORBIDDEN";
                    } & {
                        /** @enum {string} */
                        code: "FORBIDDEN" | "ROLE_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: ITEM_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "ITEM_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description CONFLICT: INSUFFICIENT_STOCK */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "CONFLICT";
                    } & {
                        /** @constant */
                        code: "INSUFFICIENT_STOCK";
                        data: {
                            stock: number;
                        };
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    deleteItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemNum: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted item */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["ItemWithStock"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED" | "INVALID_TOKEN" | "TOKEN_REVOKED" | "ACCOUNT_DELETED";
                        data: null;
                    };
                };
            };
            /** @description FORBIDDEN: FORBIDDEN, ROLE_REQUIRED */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "FORBIDDEN";
                    } & {
                        /** @enum {string} */
                        code: "FORBIDDEN" | "ROLE_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: ITEM_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "ITEM_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    getItemStock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemNum: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Units left */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["ItemStock"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description NOT_FOUND: ITEM_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "ITEM_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    getServiceTime: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current time */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["ServiceTime"];
                    };
                };
            };
            /** @description BAD_REQUEST: MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & {
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    listSellerItems: {
        parameters: {
            query?: {
                page?: number;
                size?: number;
            };
            header?: never;
            path: {
                sellerNum: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of your items */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["SellerItemPage"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED" | "INVALID_TOKEN" | "TOKEN_REVOKED" | "ACCOUNT_DELETED";
                        data: null;
                    };
                };
            };
            /** @description FORBIDDEN: FORBIDDEN, ROLE_REQUIRED */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "FORBIDDEN";
                    } & {
                        /** @enum {string} */
                        code: "FORBIDDEN" | "ROLE_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    sendVerificationCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Sent */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["VerificationSent"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description TOO_MANY_REQUESTS: VERIFICATION_TOO_SOON, RATE_LIMITED */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "TOO_MANY_REQUESTS";
                    } & {
                        /** @enum {string} */
                        code: "VERIFICATION_TOO_SOON" | "RATE_LIMITED";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    signUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: email */
                    email: string;
                    password: string;
                    /** @enum {string} */
                    userRole: "SELLER" | "BUYER";
                    /** @description The code mailed by POST /api/v1/verification */
                    verificationCode: string;
                };
            };
        };
        responses: {
            /** @description The new account */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["User"];
                    };
                };
            };
            /** @description BAD_REQUEST: VERIFICATION_CODE_INVALID, VERIFICATION_ATTEMPTS_EXCEEDED, VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "VERIFICATION_CODE_INVALID" | "VERIFICATION_ATTEMPTS_EXCEEDED" | "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description CONFLICT: EMAIL_TAKEN */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "CONFLICT";
                    } & {
                        /** @enum {string} */
                        code: "EMAIL_TAKEN";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    logIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description A token and the account */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["SignedInUser"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: INVALID_CREDENTIALS */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "INVALID_CREDENTIALS";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description TOO_MANY_REQUESTS: RATE_LIMITED */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "TOO_MANY_REQUESTS";
                    } & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    renameUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userNum: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description The account */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["User"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED" | "INVALID_TOKEN" | "TOKEN_REVOKED" | "ACCOUNT_DELETED";
                        data: null;
                    };
                };
            };
            /** @description FORBIDDEN: FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "FORBIDDEN";
                    } & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: USER_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "USER_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userNum: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description The account and a new token */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["SignedInUser"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: INVALID_CREDENTIALS, UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "INVALID_CREDENTIALS" | "UNAUTHENTICATED" | "INVALID_TOKEN" | "TOKEN_REVOKED" | "ACCOUNT_DELETED";
                        data: null;
                    };
                };
            };
            /** @description FORBIDDEN: FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "FORBIDDEN";
                    } & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: USER_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "USER_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    deleteAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userNum: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted account */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["User"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED" | "INVALID_TOKEN" | "TOKEN_REVOKED" | "ACCOUNT_DELETED";
                        data: null;
                    };
                };
            };
            /** @description FORBIDDEN: FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "FORBIDDEN";
                    } & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: USER_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "USER_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["Health"];
                    };
                };
            };
            /** @description BAD_REQUEST: MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & {
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["Readiness"];
                    };
                };
            };
            /** @description BAD_REQUEST: MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & {
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: NOT_READY */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @constant */
                        code: "NOT_READY";
                        data: {
                            /** @enum {string} */
                            mysql: "up" | "down";
                            /** @enum {string} */
                            redis: "up" | "down";
                        };
                    };
                };
            };
        };
    };
    listDeadEntries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dead orders of every item */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["DeadOrderList"];
                    };
                };
            };
            /** @description BAD_REQUEST: MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & {
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    };
                };
            };
            /** @description UNAUTHORIZED: ADMIN_CREDENTIAL_REQUIRED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["BasicChallenge"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "ADMIN_CREDENTIAL_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: ROUTE_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "ROUTE_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    retryDeadOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemNum: number;
                /** @description 0: entries that name no order */
                orderNum: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Back in the line */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["DeadOrderRetried"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: ADMIN_CREDENTIAL_REQUIRED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["BasicChallenge"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "ADMIN_CREDENTIAL_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: DEAD_ORDER_NOT_FOUND, ROUTE_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "DEAD_ORDER_NOT_FOUND" | "ROUTE_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    cancelDeadOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemNum: number;
                /** @description 0: entries that name no order */
                orderNum: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Canceled */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["DeadOrderCanceled"];
                    };
                };
            };
            /** @description BAD_REQUEST: VALIDATION_FAILED, MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & ({
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    } | {
                        /** @constant */
                        code: "VALIDATION_FAILED";
                        data: null;
                        errors: unknown[];
                    });
                };
            };
            /** @description UNAUTHORIZED: ADMIN_CREDENTIAL_REQUIRED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["BasicChallenge"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "ADMIN_CREDENTIAL_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: DEAD_ORDER_NOT_FOUND, ROUTE_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "DEAD_ORDER_NOT_FOUND" | "ROUTE_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description CONFLICT: INVALID_STATE */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "CONFLICT";
                    } & {
                        /** @constant */
                        code: "INVALID_STATE";
                        data: {
                            /** @enum {string} */
                            status: "INITIATED" | "IN_PROGRESS" | "PAID" | "FAILED_CUSTOMER" | "FAILED_QUANTITY" | "CANCELED";
                        };
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    listWorkers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every worker that renewed its roster entry lately */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "OK";
                        message: string;
                        data: components["schemas"]["WorkerList"];
                    };
                };
            };
            /** @description BAD_REQUEST: MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & {
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    };
                };
            };
            /** @description UNAUTHORIZED: ADMIN_CREDENTIAL_REQUIRED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["BasicChallenge"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "ADMIN_CREDENTIAL_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: ROUTE_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "ROUTE_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description BAD_REQUEST: MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & {
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    };
                };
            };
            /** @description UNAUTHORIZED: ADMIN_CREDENTIAL_REQUIRED */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["BasicChallenge"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "UNAUTHORIZED";
                    } & {
                        /** @enum {string} */
                        code: "ADMIN_CREDENTIAL_REQUIRED";
                        data: null;
                    };
                };
            };
            /** @description NOT_FOUND: ROUTE_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "NOT_FOUND";
                    } & {
                        /** @enum {string} */
                        code: "ROUTE_NOT_FOUND";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
            /** @description SERVICE_UNAVAILABLE: REDIS_UNAVAILABLE, MYSQL_UNAVAILABLE */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "SERVICE_UNAVAILABLE";
                    } & {
                        /** @enum {string} */
                        code: "REDIS_UNAVAILABLE" | "MYSQL_UNAVAILABLE";
                        data: null;
                    };
                };
            };
        };
    };
    openApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        info: Record<string, unknown>;
                        paths: Record<string, unknown>;
                    };
                };
            };
            /** @description BAD_REQUEST: MALFORMED_JSON, UNSUPPORTED_ENCODING */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "BAD_REQUEST";
                    } & {
                        /** @enum {string} */
                        code: "MALFORMED_JSON" | "UNSUPPORTED_ENCODING";
                        data: null;
                    };
                };
            };
            /** @description PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "PAYLOAD_TOO_LARGE";
                    } & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                        data: null;
                    };
                };
            };
            /** @description INTERNAL_SERVER_ERROR: INTERNAL_ERROR */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"] & {
                        /** @constant */
                        status?: "INTERNAL_SERVER_ERROR";
                    } & {
                        /** @constant */
                        code: "INTERNAL_ERROR";
                        data: {
                            /**
                             * Format: uuid
                             * @description Quote it to the operators; the log has the details
                             */
                            errorId: string;
                        };
                    };
                };
            };
        };
    };
}
