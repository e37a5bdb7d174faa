//! [`RpcValue`] for containers: pointers, `Option`, lists (`Key.1`, `Key.2`) and maps (`Key.<map key>`).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use super::{ParamName, ParamWriter, RpcValue};

impl<T: RpcValue + ?Sized> RpcValue for &T {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        (**self).write_value(w, key);
    }

    fn write_param(&self, w: &mut ParamWriter<'_>, name: ParamName<'_>) {
        (**self).write_param(w, name);
    }
}

impl<T: RpcValue + ?Sized> RpcValue for Box<T> {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        (**self).write_value(w, key);
    }

    fn write_param(&self, w: &mut ParamWriter<'_>, name: ParamName<'_>) {
        (**self).write_param(w, name);
    }
}

impl<T: RpcValue + ToOwned + ?Sized> RpcValue for Cow<'_, T> {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        (**self).write_value(w, key);
    }

    fn write_param(&self, w: &mut ParamWriter<'_>, name: ParamName<'_>) {
        (**self).write_param(w, name);
    }
}

/// `None` sends nothing.
impl<T: RpcValue> RpcValue for Option<T> {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        if let Some(value) = self {
            value.write_value(w, key);
        }
    }

    fn write_param(&self, w: &mut ParamWriter<'_>, name: ParamName<'_>) {
        if let Some(value) = self {
            value.write_param(w, name);
        }
    }
}

/// Elements go under 1-based indices, `Key.1`, `Key.2`, ...; an empty list sends nothing.
impl<T: RpcValue> RpcValue for [T] {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        let mut index = itoa::Buffer::new();
        for (i, item) in self.iter().enumerate() {
            w.child(key, index.format(i + 1), item);
        }
    }
}

/// Written like a slice.
impl<T: RpcValue> RpcValue for Vec<T> {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        self.as_slice().write_value(w, key);
    }
}

/// Written like a slice.
impl<T: RpcValue, const N: usize> RpcValue for [T; N] {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        self.as_slice().write_value(w, key);
    }
}

/// Entries go under `Key.<map key>`, in key order.
impl<K: AsRef<str>, V: RpcValue> RpcValue for BTreeMap<K, V> {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        for (name, value) in self {
            w.child(key, name.as_ref(), value);
        }
    }
}

/// Entries go under `Key.<map key>`, sorted by key so that the output is deterministic.
impl<K: AsRef<str>, V: RpcValue, S> RpcValue for HashMap<K, V, S> {
    fn write_value(&self, w: &mut ParamWriter<'_>, key: &mut String) {
        let mut entries: Vec<(&str, &V)> = self.iter().map(|(k, v)| (k.as_ref(), v)).collect();
        entries.sort_unstable_by_key(|&(name, _)| name);
        for (name, value) in entries {
            w.child(key, name, value);
        }
    }
}
