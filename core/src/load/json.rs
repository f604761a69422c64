//! The JSON reader: serde-json-core driven through a seed that records
//! which table, item and key it is in, so that every error names where.
//! Part of [`super`].

use super::*;

/// What the reader was doing when it stopped: which table, item and key.
#[derive(Default)]
pub(super) struct Progress<'de> {
    pub(super) table: Cell<Option<Table>>,
    pub(super) index: Cell<Option<usize>>,
    pub(super) key: Cell<Option<&'de str>>,
    /// The error is ours, not the parser's.
    pub(super) kind: Cell<Option<Known>>,
}

#[derive(Clone, Copy)]
pub(super) enum Known {
    TooMany(usize),
    DuplicateKey(&'static str),
    Missing(&'static str),
    UnknownKey,
    /// A required key of an item is absent; the first absent one of its fields.
    MissingKey(&'static str),
    /// A vision table in a figures file.
    NotInThisFile,
}

impl<'de> Progress<'de> {
    fn fail<E: de::Error>(&self, known: Known) -> E {
        self.kind.set(Some(known));
        E::custom("")
    }
}

pub(super) struct DatasetSeed<'p, 'o, 'de, const O: usize, const F: usize> {
    pub(super) progress: &'p Progress<'de>,
    pub(super) out: &'o mut Dataset<'de, O, F>,
    /// Reading a figures file: only [`Table::FIGURES`] allowed, the vision's
    /// tables left as they are.
    pub(super) figures: bool,
}

impl<'de, const O: usize, const F: usize> DeserializeSeed<'de> for DatasetSeed<'_, '_, 'de, O, F> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> core::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, const O: usize, const F: usize> Visitor<'de> for DatasetSeed<'_, '_, 'de, O, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a koers dataset object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> core::result::Result<(), A::Error> {
        let p = self.progress;
        let out = self.out;
        let mut seen = [false; TOP_KEYS.len()];
        while let Some(key) = map.next_key::<&'de str>()? {
            p.table.set(None);
            p.index.set(None);
            p.key.set(Some(key));
            let Some(slot) = TOP_KEYS.iter().position(|k| *k == key) else {
                return Err(p.fail(Known::UnknownKey));
            };
            if seen[slot] {
                return Err(p.fail(Known::DuplicateKey(TOP_KEYS[slot])));
            }
            seen[slot] = true;
            let table = Table::from_key(key);
            if table.is_some() {
                p.key.set(None);
            }
            p.table.set(table);
            if let (true, Some(t)) = (self.figures, table) {
                if !Table::FIGURES.contains(&t) {
                    return Err(p.fail(Known::NotInThisFile));
                }
            }
            match table {
                None if key == "format" => out.format = map.next_value()?,
                None => out.format_version = map.next_value()?,
                Some(Table::Vision) => out.vision = map.next_value_seed(Item::new(p))?,
                Some(Table::Priorities) => map.next_value_seed(Rows(p, &mut out.priorities))?,
                Some(Table::Objectives) => map.next_value_seed(Rows(p, &mut out.objectives))?,
                Some(Table::FocusAreas) => map.next_value_seed(Rows(p, &mut out.focus_areas))?,
                Some(Table::Targets) => map.next_value_seed(Rows(p, &mut out.targets))?,
                Some(Table::Indicators) => map.next_value_seed(Rows(p, &mut out.indicators))?,
                Some(Table::Windows) => map.next_value_seed(Rows(p, &mut out.windows))?,
                Some(Table::Figures) => map.next_value_seed(Rows(p, &mut out.figures))?,
                Some(Table::Observations) => map.next_value_seed(Rows(p, &mut out.observations))?,
                Some(Table::WindowFlows) => map.next_value_seed(Rows(p, &mut out.window_flows))?,
                Some(Table::Sources) => map.next_value_seed(Rows(p, &mut out.sources))?,
                Some(Table::Series) => map.next_value_seed(Rows(p, &mut out.series))?,
                Some(Table::Events) => map.next_value_seed(Rows(p, &mut out.events))?,
            }
        }
        p.table.set(None);
        p.index.set(None);
        p.key.set(None);
        let required = if self.figures { 2 } else { 4 };
        for (slot, required) in TOP_KEYS.iter().enumerate().take(required) {
            if !seen[slot] {
                return Err(p.fail(Known::Missing(required)));
            }
        }
        Ok(())
    }
}

/// Reads one table into its fixed-capacity vector, keeping track of the item
/// being read so that an error can say which.
struct Rows<'p, 'v, 'de, T, const N: usize>(&'p Progress<'de>, &'v mut heapless::Vec<T, N>);

impl<'de, T: Deserialize<'de>, const N: usize> DeserializeSeed<'de> for Rows<'_, '_, 'de, T, N> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> core::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>, const N: usize> Visitor<'de> for Rows<'_, '_, 'de, T, N> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> core::result::Result<(), A::Error> {
        let Rows(p, out) = self;
        out.clear();
        let mut i = 0;
        loop {
            p.index.set(Some(i));
            p.key.set(None);
            let Some(item) = seq.next_element_seed(Item::new(p))? else {
                break;
            };
            if out.push(item).is_err() {
                return Err(p.fail(Known::TooMany(N)));
            }
            i += 1;
        }
        p.index.set(None);
        Ok(())
    }
}

/// Reads one item (an object), noting each key before its value is read,
/// and telling an unknown or a missing key from other errors. `serde-json-core`
/// gives no position and no message, so this is how an error gets its field.
struct Item<'p, 'de, T>(&'p Progress<'de>, core::marker::PhantomData<T>);

impl<'p, 'de, T> Item<'p, 'de, T> {
    fn new(p: &'p Progress<'de>) -> Self {
        Item(p, core::marker::PhantomData)
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Item<'_, 'de, T> {
    type Value = T;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> core::result::Result<T, D::Error> {
        T::deserialize(Tracked(self.0, d)).map_err(|e| e.into_inner(self.0))
    }
}

/// The error inside an item: the parser's, or a required key that is absent
/// (which serde reports through the error type, so it is caught here).
#[derive(Debug)]
enum Caught<E> {
    Inner(E),
    MissingKey(&'static str),
}

impl<E: de::Error> Caught<E> {
    fn into_inner(self, p: &Progress) -> E {
        match self {
            Caught::Inner(e) => e,
            Caught::MissingKey(k) => {
                p.key.set(None);
                p.fail(Known::MissingKey(k))
            }
        }
    }
}

impl<E: fmt::Display> fmt::Display for Caught<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Caught::Inner(e) => e.fmt(f),
            Caught::MissingKey(k) => write!(f, "missing {k}"),
        }
    }
}

impl<E: de::Error> de::StdError for Caught<E> {}

impl<E: de::Error> de::Error for Caught<E> {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Caught::Inner(E::custom(msg))
    }
    fn missing_field(field: &'static str) -> Self {
        Caught::MissingKey(field)
    }
}

/// A deserializer that passes everything through, except that a struct's map
/// is read through [`Keys`].
struct Tracked<'p, 'de, D>(&'p Progress<'de>, D);

macro_rules! pass {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> core::result::Result<V::Value, Self::Error> {
            self.1.$method(v).map_err(Caught::Inner)
        }
    )*};
}

impl<'de, D: de::Deserializer<'de>> de::Deserializer<'de> for Tracked<'_, 'de, D> {
    type Error = Caught<D::Error>;

    pass!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> core::result::Result<V::Value, Self::Error> {
        self.1
            .deserialize_unit_struct(name, v)
            .map_err(Caught::Inner)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> core::result::Result<V::Value, Self::Error> {
        self.1
            .deserialize_newtype_struct(name, v)
            .map_err(Caught::Inner)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        v: V,
    ) -> core::result::Result<V::Value, Self::Error> {
        self.1.deserialize_tuple(len, v).map_err(Caught::Inner)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        v: V,
    ) -> core::result::Result<V::Value, Self::Error> {
        self.1
            .deserialize_tuple_struct(name, len, v)
            .map_err(Caught::Inner)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> core::result::Result<V::Value, Self::Error> {
        self.1
            .deserialize_enum(name, variants, v)
            .map_err(Caught::Inner)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> core::result::Result<V::Value, Self::Error> {
        self.1
            .deserialize_struct(name, fields, StructVisitor(self.0, fields, v))
            .map_err(Caught::Inner)
    }
}

struct StructVisitor<'p, 'de, V>(&'p Progress<'de>, &'static [&'static str], V);

impl<'de, V: Visitor<'de>> Visitor<'de> for StructVisitor<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.2.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> core::result::Result<V::Value, A::Error> {
        let StructVisitor(p, fields, inner) = self;
        inner
            .visit_map(Keys { p, fields, map })
            .map_err(|e| e.into_inner(p))
    }
}

struct Keys<'p, 'de, A> {
    p: &'p Progress<'de>,
    fields: &'static [&'static str],
    map: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Keys<'_, 'de, A> {
    type Error = Caught<A::Error>;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> core::result::Result<Option<K::Value>, Self::Error> {
        let Some(key) = self.map.next_key::<&'de str>().map_err(Caught::Inner)? else {
            return Ok(None);
        };
        self.p.key.set(Some(key));
        if !self.fields.contains(&key) {
            return Err(Caught::Inner(self.p.fail(Known::UnknownKey)));
        }
        seed.deserialize(de::value::BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> core::result::Result<S::Value, Self::Error> {
        self.map.next_value_seed(seed).map_err(Caught::Inner)
    }
}
