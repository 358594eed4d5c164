//! The project's own model of an API, between the spec and the templates.
//!
//! Lowering fills it from the spec; templates read only it. Every item carries its Rust
//! name, its wire name and its docs side by side, with all string shaping already done.

/// Everything the templates need to write the SDK's generated folders.
#[derive(Debug, Clone, Default)]
pub struct Api {
    /// The spec's title and version, for crate-level docs.
    pub title: String,
    /// The version of the API the spec describes (`info.version`).
    pub version: String,
    /// One service per tag, in name order.
    pub services: Vec<Service>,
    /// One model per component schema, in name order.
    pub models: Vec<Model>,
    /// One enum per `x-enum-name`, in name order.
    pub enums: Vec<Enum>,
}

/// A tag of the spec: one Rust module with one service type.
#[derive(Debug, Clone)]
pub struct Service {
    /// Module name, such as `account`.
    pub module: String,
    /// Type name, such as `Account`.
    pub type_name: String,
    /// Doc lines for the service type.
    pub docs: Vec<String>,
    /// The SDK methods, in the spec's order.
    pub methods: Vec<Method>,
}

/// One SDK method: an operation, or one entry of its `x-appwrite.methods`.
#[derive(Debug, Clone)]
pub struct Method {
    /// Method name, such as `create_email_password_session`.
    pub name: String,
    /// Name of the request builder type, such as `CreateEmailPasswordSessionRequest`.
    pub builder: String,
    /// Doc lines for the method.
    pub docs: Vec<String>,
    /// The `reqwest::Method` constant, such as `POST`.
    pub http_method: String,
    /// The path as written in the spec, such as `/account/sessions/{sessionId}`.
    pub path: String,
    /// A `format!` string for the path, naming the local of each encoded path segment.
    pub path_format: String,
    /// The encoded path segments, in path order.
    pub path_segments: Vec<PathSegment>,
    /// How the request carries its body: `None`, `Json` or `Multipart`.
    pub body_kind: String,
    /// What the method does with the response.
    pub kind: MethodKind,
    /// The Rust type of the decoded response, such as `models::User` (for JSON kinds).
    pub response: String,
    /// Whether the response model takes the user's data type `T`.
    pub generic: bool,
    /// Whether `x-appwrite.deprecated` is set.
    pub deprecated: bool,
    /// Every parameter, required ones first, in the spec's order otherwise.
    pub parameters: Vec<Parameter>,
    /// For upload methods, the file and upload-id field names on the wire.
    pub upload: Option<UploadFields>,
}

impl Method {
    /// The required parameters: the method's positional arguments.
    pub fn required(&self) -> impl Iterator<Item = &Parameter> {
        self.parameters
            .iter()
            .filter(|parameter| parameter.required)
    }

    /// The optional parameters: one setter each on the request builder.
    pub fn optional(&self) -> impl Iterator<Item = &Parameter> {
        self.parameters
            .iter()
            .filter(|parameter| !parameter.required)
    }
}

/// What an SDK method does with the response, from `x-appwrite.type` and the responses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodKind {
    /// A JSON response decoded into `Method::response`.
    Json,
    /// No content: the method returns `()`.
    Empty,
    /// `location`: the body bytes, a stream of them, or the URL.
    Location,
    /// `webAuth`: the URL to send the user to; no request is sent.
    WebAuth,
    /// `upload`: a chunked multipart upload decoded into `Method::response`.
    Upload,
    /// `graphql`: a JSON value, sent with `x-sdk-graphql: true`.
    Graphql,
}

/// Where a parameter travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// A segment of the path.
    Path,
    /// The query string.
    Query,
    /// The JSON or multipart body.
    Body,
    /// The uploaded file of an upload method.
    File,
}

/// One parameter of an SDK method.
#[derive(Debug, Clone)]
pub struct Parameter {
    /// Rust name, such as `user_id`.
    pub name: String,
    /// Name on the wire, such as `userId`.
    pub wire_name: String,
    /// Doc lines.
    pub docs: Vec<String>,
    /// Where it travels.
    pub location: Location,
    /// Whether it is a positional argument.
    pub required: bool,
    /// How it is typed in Rust.
    pub shape: ParameterShape,
}

/// The Rust spelling of a parameter: what callers pass, what the builder stores, and how
/// one becomes the other.
#[derive(Debug, Clone)]
pub struct ParameterShape {
    /// The argument type, such as `impl Into<String>`.
    pub argument: String,
    /// The stored type, such as `String`.
    pub stored: String,
    /// An expression turning the argument (named by the parameter) into the stored value.
    pub convert: String,
    /// An expression borrowing the stored value as a path segment `&str`, for path parameters.
    pub as_segment: String,
}

/// One path parameter, encoded into a local before the path is formatted.
#[derive(Debug, Clone)]
pub struct PathSegment {
    /// The local's name, such as `session_id_segment`.
    pub local: String,
    /// An expression borrowing the parameter as `&str`.
    pub value: String,
}

/// Wire names of the fields of an upload.
#[derive(Debug, Clone)]
pub struct UploadFields {
    /// The multipart field holding the file.
    pub file: String,
    /// The field marked `x-upload-id`, whose value names the file; empty when the
    /// operation has none (the server then names the upload).
    pub id: String,
}

/// A component schema: one Rust struct.
#[derive(Debug, Clone)]
pub struct Model {
    /// Module (file) name, such as `document_list`.
    pub module: String,
    /// Type name, such as `DocumentList`.
    pub type_name: String,
    /// Doc lines.
    pub docs: Vec<String>,
    /// The declared properties, in the spec's order.
    pub fields: Vec<Field>,
    /// Whether the model carries the user's data type `T`.
    pub generic: bool,
    /// How the user's data is held, for generic models.
    pub data: DataKind,
}

/// How a generic model holds the user's own data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataKind {
    /// Not a user-data model.
    None,
    /// Declared fields plus the user's fields, flattened into `data: T`.
    Flattened,
    /// Only the user's fields: the whole object is `data: T`.
    Whole,
    /// The data type is passed on to fields that hold user-data models.
    Nested,
}

/// One property of a model.
#[derive(Debug, Clone)]
pub struct Field {
    /// Rust name, such as `created_at`.
    pub name: String,
    /// Name on the wire, such as `$createdAt`.
    pub wire_name: String,
    /// Doc lines.
    pub docs: Vec<String>,
    /// The Rust type, `Option<..>` included where the field may be absent or null.
    pub rust_type: String,
    /// Whether the field is an `Option`.
    pub optional: bool,
    /// A `deserialize_with` path, where the field needs one.
    pub deserialize_with: Option<String>,
}

/// A named enum from `x-enum-name`.
#[derive(Debug, Clone)]
pub struct Enum {
    /// Module (file) name, such as `o_auth_provider`.
    pub module: String,
    /// Type name, such as `OAuthProvider`.
    pub type_name: String,
    /// Doc lines.
    pub docs: Vec<String>,
    /// The known values.
    pub variants: Vec<Variant>,
}

/// One known value of an enum.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Rust name, such as `PaypalSandbox`.
    pub name: String,
    /// The value on the wire, such as `paypalSandbox`.
    pub value: String,
}
