//! Decap CMS's local-backend protocol, as its own `decap-server` answers it
//! (`POST {"action": …, "params": {…}}`, JSON back, errors as
//! `{"error": …}`, which the editor shows): the editor's files are read and
//! saved in `content/`; a save is checked first and refused with the
//! problems it would bring. Media, deleting and renaming are not offered.

use std::path::Path;
use std::sync::Arc;

use axum::extract::{Request, State as Shared};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use super::super::{reply, State};
use super::{files, verify};
use crate::build::BuildError;
use crate::diagnostics::Diagnostic;
use crate::locale::Lang;
use crate::messages::Message;

/// The largest request read (a whole file, as text, with room to spare).
const MAX_BODY: usize = 8 * 1024 * 1024;

/// An answer: what to send, or why not (a status and a message).
type Answer = Result<Value, (StatusCode, Message)>;

/// Answers a call of the editor, in the editor's language (the site's first).
pub async fn answer(Shared(state): Shared<Arc<State>>, request: Request) -> Response {
    let lang = super::site_lang(&state);
    let answered = match axum::body::to_bytes(request.into_body(), MAX_BODY).await {
        Err(_) => Err((StatusCode::PAYLOAD_TOO_LARGE, msg!(ServeApiTooLarge, max = MAX_BODY / (1024 * 1024)))),
        Ok(body) => match serde_json::from_slice::<Value>(&body) {
            Err(_) => Err((StatusCode::BAD_REQUEST, msg!(ServeApiJson))),
            Ok(call) => {
                let worker = Arc::clone(&state);
                tokio::task::spawn_blocking(move || act(&worker, &call)).await.unwrap_or_else(|e| {
                    Err((
                        StatusCode::INTERNAL_SERVER_ERROR,
                        msg!(ServeApiWriteFailed, path = "", detail = e.to_string()),
                    ))
                })
            }
        },
    };
    match answered {
        Ok(value) => reply::json(StatusCode::OK, &value),
        Err((status, why)) => reply::json(status, &json!({ "error": why.text(lang) })),
    }
}

/// What `call` asks for, done.
fn act(state: &State, call: &Value) -> Answer {
    let params = &call["params"];
    let root = state.root.as_path();
    let action = call["action"].as_str().unwrap_or("");
    match action {
        "info" => Ok(json!({
            "repo": root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            "publish_modes": ["simple"],
            "type": "local_fs",
        })),
        "entriesByFolder" => {
            let folder = params["folder"].as_str().unwrap_or("");
            let extension = params["extension"].as_str().unwrap_or("");
            let depth = params["depth"].as_u64().unwrap_or(1) as usize;
            let found = files::in_folder(root, folder, extension, depth);
            found.iter().map(|path| entry(root, path, None)).collect::<Result<Vec<_>, _>>().map(Value::from)
        }
        "entriesByFiles" => {
            let wanted = params["files"].as_array().map(Vec::as_slice).unwrap_or_default();
            wanted
                .iter()
                .map(|f| entry(root, f["path"].as_str().unwrap_or(""), f.get("label")))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::from)
        }
        "getEntry" => entry(root, params["path"].as_str().unwrap_or(""), None),
        "persistEntry" => persist(state, params),
        "getMedia" => Ok(json!([])),
        "getMediaFile" => Err((StatusCode::NOT_FOUND, msg!(ServeApiNoMedia))),
        "persistMedia" => Err((StatusCode::UNPROCESSABLE_ENTITY, msg!(ServeApiNoMedia))),
        "deleteFile" | "deleteFiles" => Err((StatusCode::UNPROCESSABLE_ENTITY, msg!(ServeApiNoDelete))),
        "getDeployPreview" => Ok(Value::Null),
        other => Err((StatusCode::UNPROCESSABLE_ENTITY, msg!(ServeApiUnknownAction, action = other))),
    }
}

/// A file as the editor reads it (`label` given back when asked with one).
fn entry(root: &Path, path: &str, label: Option<&Value>) -> Answer {
    let (data, id) = files::entry(root, path).map_err(|m| (StatusCode::UNPROCESSABLE_ENTITY, m))?;
    let mut file = json!({ "path": path, "id": id });
    if let Some(label) = label {
        file["label"] = label.clone();
    }
    Ok(json!({ "data": data, "file": file }))
}

/// Saves an entry's files, unless they would bring the site an error.
fn persist(state: &State, params: &Value) -> Answer {
    let refused = |m: Message| (StatusCode::UNPROCESSABLE_ENTITY, m);
    if params["assets"].as_array().is_some_and(|a| !a.is_empty()) {
        return Err(refused(msg!(ServeApiNoMedia)));
    }
    let listed = match params["dataFiles"].as_array() {
        Some(files) => files.clone(),
        None => params.get("entry").into_iter().cloned().collect(),
    };
    let mut saved = Vec::new();
    for file in &listed {
        let path = file["path"].as_str().unwrap_or("");
        let moved = file["newPath"].as_str().is_some_and(|new| new != path);
        let raw = file["raw"].as_str();
        files::editable(&state.root, path).map_err(refused)?;
        match raw {
            Some(raw) if !moved => saved.push((path.to_owned(), raw.to_owned())),
            _ => return Err(refused(msg!(ServeApiPath, path = path))),
        }
    }
    let before = state.errors.read().unwrap_or_else(|e| e.into_inner()).clone();
    let known = match before.as_deref() {
        Some(BuildError::Content(d)) => Some(d),
        _ => None,
    };
    let failed = |e: std::io::Error| {
        (StatusCode::INTERNAL_SERVER_ERROR, msg!(ServeApiWriteFailed, path = "", detail = e.to_string()))
    };
    let new = verify::new_errors(&state.root, &saved, known).map_err(failed)?;
    if !new.is_empty() {
        return Err((StatusCode::UNPROCESSABLE_ENTITY, not_saved(&new, super::site_lang(state))));
    }
    for (path, raw) in &saved {
        if files::write(&state.root, path, raw).map_err(refused)? {
            println!("{}", msg!(ServeApiSaved, file = path.as_str()).text(state.lang));
        }
    }
    Ok(json!({ "message": "entry persisted" }))
}

/// Why a save was refused: the problems it would bring, one a line.
fn not_saved(problems: &[Diagnostic], lang: Lang) -> Message {
    let lines: Vec<String> = problems
        .iter()
        .map(|d| {
            let place = d.location().map_or(d.file.clone(), |l| format!("{}:{}:{}", d.file, l.line, l.column));
            let hint = d.hint.as_ref().map(|h| format!(" ({})", h.text(lang))).unwrap_or_default();
            format!("{place}: {}{hint}", d.message.text(lang))
        })
        .collect();
    msg!(ServeApiNotSaved, count = problems.len(), problems = lines.join("\n"))
}
